/**
 * The campaign planner's parameters as data (src/util/param-spec.ts): the budget, where costs
 * come from, the objective and the money figures' rates, and the staggered launch.
 */
import { ANY_OBJECTIVE } from '../engine/objective-param.ts';
import {
  adapt,
  type EnumParam,
  integerParam,
  numberParam,
  probabilityParam,
  stringParam,
} from '../util/param-spec.ts';
import { OBJECTIVES, type Objective, PLAN_DEFAULTS } from './plan.ts';

export const BUDGET = numberParam({
  name: 'budget',
  flag: 'budget',
  metavar: 'B',
  label: { en: 'Budget', zh: '预算' },
  help: {
    en: 'most money to spend on seed accounts (in the unit of the costs)',
    zh: '用于种子账号的最高花费（与成本同一单位）',
  },
  min: 0,
  max: null,
});

export const COSTS = stringParam({
  name: 'costs',
  flag: 'costs',
  metavar: 'FILE',
  label: { en: 'Costs file', zh: '成本文件' },
  help: {
    en: "CSV of account prices: the header 'id,cost', then one account per line",
    zh: "账号价格 CSV：表头为 'id,cost'，之后每行一个账号",
  },
});

export const COST_COLUMN = stringParam({
  name: 'costColumn',
  flag: 'cost-column',
  metavar: 'NAME',
  label: { en: 'Cost attribute', zh: '成本属性' },
  help: {
    en: "the node attribute of the graph file (GEXF, GraphML, JSON) holding each account's cost",
    zh: '图文件（GEXF、GraphML、JSON）中保存每个账号成本的节点属性名',
  },
});

export const COST_FLAT = numberParam({
  name: 'costFlat',
  flag: 'cost-flat',
  metavar: 'X',
  label: { en: 'Flat cost per account', zh: '每个账号的固定成本' },
  help: {
    en: 'cost formula: X per account plus --cost-per-follower per follower',
    zh: '成本公式：每个账号 X，另加每个粉丝 --cost-per-follower',
  },
  min: 0,
  max: null,
});

export const COST_PER_FOLLOWER = numberParam({
  name: 'costPerFollower',
  flag: 'cost-per-follower',
  metavar: 'Y',
  label: { en: 'Cost per follower', zh: '每个粉丝的成本' },
  help: {
    en: 'cost formula: Y per follower (the accounts its posts reach directly) plus --cost-flat',
    zh: '成本公式：每个粉丝（其帖子直接到达的账号）Y，另加 --cost-flat',
  },
  min: 0,
  max: null,
});

export const DEFAULT_COST = numberParam({
  name: 'defaultCost',
  flag: 'default-cost',
  metavar: 'C',
  label: { en: 'Default cost', zh: '默认成本' },
  help: {
    en: 'cost of accounts the costs file or attribute leaves out (otherwise they are an error)',
    zh: '成本文件或属性未列出的账号的成本（不设则报错）',
  },
  min: 0,
  max: null,
});

/** --objective as the planner offers it (the option is declared once, src/engine/objective-param.ts). */
export const OBJECTIVE = adapt(ANY_OBJECTIVE, {
  only: OBJECTIVES,
  default: PLAN_DEFAULTS.objective,
  help: { en: 'what the plan maximises', zh: '方案要最大化的指标' },
}) as EnumParam<Objective>;

export const CONVERSION = probabilityParam({
  name: 'conversion',
  flag: 'conversion',
  metavar: 'R',
  label: { en: 'Conversion rate', zh: '转化率' },
  help: {
    en: 'share of reached accounts that convert (buy, sign up)',
    zh: '被触达账号中发生转化（购买、注册）的比例',
  },
  default: PLAN_DEFAULTS.conversion,
  step: 0.001,
});

export const VALUE = numberParam({
  name: 'value',
  flag: 'value',
  metavar: 'V',
  label: { en: 'Value per conversion', zh: '每次转化的价值' },
  help: {
    en: 'money one conversion brings (gives the ROI)',
    zh: '一次转化带来的收入（用于计算投资回报率）',
  },
  min: 0,
  max: null,
});

export const CPM = numberParam({
  name: 'cpm',
  flag: 'cpm',
  metavar: 'M',
  label: { en: 'Ad price per 1000 impressions (CPM)', zh: '广告千次展示价格（CPM）' },
  help: {
    en: 'price of 1000 paid impressions (gives the ad-equivalent value)',
    zh: '付费广告每千次展示的价格（用于计算广告当量）',
  },
  min: 0,
  max: null,
});

export const STAGGER = integerParam({
  name: 'stagger',
  flag: 'stagger',
  metavar: 'S',
  label: { en: 'Staggered launch: steps between seeds', zh: '错峰发布：种子间隔步数' },
  help: {
    en: "the staggered strategy launches the plan's seeds S steps apart, in the order chosen",
    zh: '错峰策略按选出的顺序、每隔 S 步发布一个方案种子',
  },
  default: PLAN_DEFAULTS.stagger,
  min: 0,
  max: 1000,
});

export const CAMPAIGN_PARAMS = {
  budget: BUDGET,
  costs: COSTS,
  costColumn: COST_COLUMN,
  costFlat: COST_FLAT,
  costPerFollower: COST_PER_FOLLOWER,
  defaultCost: DEFAULT_COST,
  conversion: CONVERSION,
  value: VALUE,
  cpm: CPM,
  stagger: STAGGER,
} as const;
