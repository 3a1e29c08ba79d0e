// Short zh-CN incident descriptions per category, and reasons a report may be rejected.
import type { IncidentCategory } from '../../core/incidents/categories';

/** Everyday reports, by category. */
export const DESCRIPTIONS: Readonly<Record<IncidentCategory, readonly string[]>> = {
  sanitation: [
    '垃圾桶满溢未清运',
    '路边垃圾堆积',
    '绿化带内有建筑垃圾',
    '公厕卫生差有异味',
    '楼道杂物堆放',
    '市场周边污水横流',
    '犬只粪便无人清理',
  ],
  municipal_facilities: [
    '路灯不亮',
    '井盖破损松动',
    '人行道地砖破损',
    '消防栓漏水',
    '自来水管爆裂',
    '公共座椅损坏',
    '小区供水压力不足',
  ],
  roads_traffic: [
    '路面坑洼',
    '占道经营影响通行',
    '车辆乱停堵塞路口',
    '红绿灯故障',
    '非机动车乱停放',
    '施工围挡破损',
    '公交站台破损',
  ],
  flooding: [
    '道路积水较深',
    '地下车库进水',
    '低洼地段积水',
    '排水沟堵塞',
    '雨水井堵塞返水',
    '涵洞积水无法通行',
  ],
  disputes: ['邻里漏水纠纷', '物业费纠纷', '宅基地边界纠纷', '停车位争议', '家庭矛盾需调解', '租赁合同纠纷'],
  public_safety: [
    '电动车楼道充电',
    '楼道堆放易燃物',
    '电线私拉乱接',
    '夜间有可疑人员徘徊',
    '燃气管道老化',
    '门禁损坏',
    '河边护栏缺失',
  ],
  noise: ['夜间施工噪音', '广场舞音响过大', '商铺音响外放', '装修噪音超时', '夜市烧烤噪音', '空调外机噪音大'],
  illegal_construction: [
    '楼顶违章搭建',
    '占用绿地私建棚房',
    '擅自改变房屋结构',
    '阳台外扩违建',
    '私搭围墙占道',
  ],
  welfare_help: [
    '独居老人需要帮扶',
    '临时救助咨询',
    '残疾人出行困难',
    '老人助餐需求',
    '低保办理咨询',
    '高龄津贴咨询',
  ],
  other: ['流浪犬伤人隐患', '树木倒伏需清理', '小广告乱张贴', '电梯故障困人', '宠物扰民', '安全提示牌缺失'],
};

/** Reports typical of villages (used in the village hot spots). */
export const VILLAGE_DESCRIPTIONS: Readonly<Partial<Record<IncidentCategory, readonly string[]>>> = {
  illegal_construction: ['农田内违规建房', '占用耕地搭建棚舍', '河道旁违规建房'],
  sanitation: ['沟渠垃圾堵塞', '村道旁垃圾焚烧', '畜禽粪污直排'],
  roads_traffic: ['村道路面塌陷', '村道会车困难', '农用车占道'],
  disputes: ['宅基地边界纠纷', '山林权属纠纷', '灌溉用水纠纷'],
  flooding: ['山塘水坝渗漏', '稻田被淹'],
};

/** Reports after the late-July typhoon storm. */
export const STORM_DESCRIPTIONS: Readonly<Partial<Record<IncidentCategory, readonly string[]>>> = {
  flooding: [
    '台风暴雨后道路积水',
    '暴雨致地下车库进水',
    '强降雨低洼地带积水',
    '暴雨后居民家中进水',
    '沿江低洼处积水上涨',
  ],
  municipal_facilities: ['暴雨冲开井盖', '积水致路灯漏电隐患', '雨水泵站需增援'],
  roads_traffic: ['积水路段车辆熄火', '暴雨致树木倒伏阻断道路'],
  welfare_help: ['受淹独居老人需转移', '受灾家庭需要救助'],
};

export const REJECT_REASONS = ['重复上报', '不属于受理范围', '信息不全无法核实', '已由其他渠道处理'] as const;
