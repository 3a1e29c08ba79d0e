// Synthetic but plausible Hunan personal names (common surnames, everyday given-name characters).
import type { Random } from './random';

/** Surnames common in Xiangtan, roughly by frequency (earlier = more likely). */
const SURNAMES = [
  '刘',
  '李',
  '王',
  '陈',
  '张',
  '周',
  '彭',
  '谭',
  '罗',
  '黄',
  '杨',
  '胡',
  '曾',
  '易',
  '唐',
  '郭',
  '赵',
  '邓',
  '肖',
  '贺',
  '蒋',
  '文',
  '龙',
  '毛',
  '石',
  '戴',
  '何',
  '袁',
  '许',
  '朱',
  '颜',
  '黎',
  '吴',
  '尹',
  '欧阳',
  '邹',
  '廖',
  '谢',
  '钟',
  '汤',
  '卢',
  '范',
  '严',
  '雷',
  '向',
  '夏',
  '左',
  '聂',
  '田',
  '蔡',
];

const MALE = '伟强军勇杰涛明斌辉华平刚建国志文波磊鹏超俊峰海林宇浩凯亮鑫晨湘岳良德松'.split('');
const FEMALE = '芳丽娟敏静霞燕玲红艳婷琴英萍慧洁丹莉倩雪梅兰颖佳蓉秀桂湘雯岚'.split('');

/** A random full name for the given gender ('F' or 'M'). */
export function personName(random: Random, gender: 'F' | 'M'): string {
  const surname = random.weighted(SURNAMES, (s) => 1 / (1 + SURNAMES.indexOf(s) * 0.12));
  const chars = gender === 'F' ? FEMALE : MALE;
  const given = random.chance(0.7) ? random.pick(chars) + random.pick(chars) : random.pick(chars);
  return surname + given;
}
