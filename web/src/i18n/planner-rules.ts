// What each refusal of the planner API means, in the planner's language (the server's own message, in English,
// follows with the details). Typed against the engine's rule list: a new rule without a text does not compile.
import type { EditRule } from '../../../core/planner/errors';
import { label } from './i18n';

type Text = { zh: string; en: string };

const EDIT_RULE_TEXT: Record<EditRule, Text> = {
  EDIT_UNKNOWN_BLOCK: {
    zh: '草稿中没有这个区块，请刷新草稿。',
    en: 'This block is not in the draft; reload the draft.',
  },
  EDIT_UNKNOWN_COMMUNITY: { zh: '没有这个社区。', en: 'There is no such community.' },
  EDIT_NO_CHANGE: { zh: '这一步不会改变任何东西。', en: 'This step would change nothing.' },
  EDIT_VERTEX_NOT_FOUND: { zh: '这里没有区块拐点。', en: 'There is no block corner here.' },
  EDIT_VERTEX_COLLISION: {
    zh: '新拐点与已有拐点重合，请放在别处。',
    en: 'The new corner falls on an existing one; put it elsewhere.',
  },
  EDIT_OUTER_BOUNDARY: { zh: '区界不能改动。', en: 'The district outline cannot change.' },
  EDIT_LOCKED_BORDER: {
    zh: '这条边界已锁定（乡镇或社区边界）。',
    en: 'This border is locked (township or community).',
  },
  EDIT_NOT_ADJACENT: { zh: '这两个区块不相邻。', en: 'These blocks are not neighbours.' },
  EDIT_NOT_SHARED_EDGE: {
    zh: '线的两端必须是两个区块共用边界的两端。',
    en: 'The line must start and end at the ends of the border the blocks share.',
  },
  EDIT_DIFFERENT_COMMUNITY: {
    zh: '只能合并同一社区的区块。',
    en: 'Only blocks of the same community can merge.',
  },
  EDIT_OUTSIDE_COMMUNITY: {
    zh: '区块只能划入与它相邻的社区。',
    en: 'A block can only join a community it borders.',
  },
  EDIT_COMMUNITY_EMPTY: {
    zh: '这样会使社区没有区块。',
    en: 'This would leave the community without blocks.',
  },
  EDIT_COMMUNITY_SPLIT: {
    zh: '这样会把社区分成不相连的几块。',
    en: 'This would cut the community into pieces.',
  },
  EDIT_TOWNSHIP_SPLIT: {
    zh: '这样会把乡镇街道分成不相连的几块。',
    en: 'This would cut the township into pieces.',
  },
  EDIT_MERGE_HOLE: { zh: '合并后的区块会包住其他区块。', en: 'The merged block would enclose other blocks.' },
  EDIT_LINE_DOES_NOT_CROSS: {
    zh: '拆分线要从区块外开始，穿过区块，在另一侧区块外结束。',
    en: 'The cut must start outside the block, cross it and end outside on the other side.',
  },
  EDIT_LINE_MULTIPLE_CUTS: {
    zh: '拆分线只能穿过区块一次。',
    en: 'The cut may cross the block only once.',
  },
  EDIT_TOO_MANY_BLOCKS: {
    zh: '这个社区的区块编号已用完（最多 99）。',
    en: 'This community has no block number left (99 at most).',
  },
  EDIT_GAP: { zh: '这样会留下缝隙。', en: 'This would leave a gap.' },
  EDIT_SELF_INTERSECTION: { zh: '区块边界会自相交。', en: 'A block border would cross itself.' },
  EDIT_OVERLAP: { zh: '区块会与相邻区块重叠。', en: 'A block would overlap its neighbour.' },
  EDIT_INVALID_GEOMETRY: { zh: '区块形状无效。', en: 'A block shape would be invalid.' },
  EDIT_T_JUNCTION: {
    zh: '拐点离相邻区块的边太近却不在其上（T 形接头）。',
    en: 'A corner would lie next to a neighbour’s border without being its corner (T-junction).',
  },
  EDIT_TOO_SMALL: {
    zh: '区块会小于最小面积（1 公顷）。',
    en: 'A block would be below the minimum area (1 ha).',
  },
  EDIT_CADRE_ROLES: {
    zh: '同一人不能在一个区块担任两个角色。',
    en: 'One person cannot hold two roles in a block.',
  },
};

const OTHER_TEXT: Record<string, Text> = {
  DRAFT_INVALID: {
    zh: '草稿违反了以下规则，修正后再发布。',
    en: 'The draft breaks the rules below; fix them, then publish.',
  },
  BASE_NOT_CURRENT: {
    zh: '此草稿基于的版本已不是当前版本（另一份草稿先发布了）：请放弃它并新建草稿。',
    en: 'Another draft was published first: discard this one and start a new draft.',
  },
  NOT_A_DRAFT: { zh: '这个版本已发布，不能再修改。', en: 'This generation is published and cannot change.' },
  INVALID_REQUEST: { zh: '请求格式不对。', en: 'The request is malformed.' },
};

/** The planner's explanation of an API error code, or null when there is none (the server's message stands). */
export function plannerRuleText(code: string): string | null {
  const text = (EDIT_RULE_TEXT as Record<string, Text>)[code] ?? OTHER_TEXT[code];
  return text ? label(text) : null;
}
