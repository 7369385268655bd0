/** The 28 branches of the demo bank with a relative size (large provincial branches hold more). */
export const DEMO_BRANCHES: readonly { code: string; name: string; nameZh: string; region: string; size: number }[] = [
  { code: 'BJ', name: 'Beijing Branch', nameZh: '北京分行', region: 'North', size: 3.0 },
  { code: 'TJ', name: 'Tianjin Branch', nameZh: '天津分行', region: 'North', size: 1.2 },
  { code: 'HE', name: 'Hebei Branch', nameZh: '河北分行', region: 'North', size: 1.4 },
  { code: 'SX', name: 'Shanxi Branch', nameZh: '山西分行', region: 'North', size: 1.1 },
  { code: 'NM', name: 'Inner Mongolia Branch', nameZh: '内蒙古分行', region: 'North', size: 0.8 },
  { code: 'LN', name: 'Liaoning Branch', nameZh: '辽宁分行', region: 'Northeast', size: 1.5 },
  { code: 'JL', name: 'Jilin Branch', nameZh: '吉林分行', region: 'Northeast', size: 0.8 },
  { code: 'HL', name: 'Heilongjiang Branch', nameZh: '黑龙江分行', region: 'Northeast', size: 0.9 },
  { code: 'SH', name: 'Shanghai Branch', nameZh: '上海分行', region: 'East', size: 2.6 },
  { code: 'JS', name: 'Jiangsu Branch', nameZh: '江苏分行', region: 'East', size: 2.4 },
  { code: 'ZJ', name: 'Zhejiang Branch', nameZh: '浙江分行', region: 'East', size: 2.0 },
  { code: 'AH', name: 'Anhui Branch', nameZh: '安徽分行', region: 'East', size: 1.1 },
  { code: 'FJ', name: 'Fujian Branch', nameZh: '福建分行', region: 'East', size: 1.0 },
  { code: 'JX', name: 'Jiangxi Branch', nameZh: '江西分行', region: 'East', size: 0.8 },
  { code: 'SD', name: 'Shandong Branch', nameZh: '山东分行', region: 'East', size: 2.2 },
  { code: 'HA', name: 'Henan Branch', nameZh: '河南分行', region: 'Central', size: 1.5 },
  { code: 'WH', name: 'Wuhan Branch', nameZh: '武汉分行', region: 'Central', size: 2.0 },
  { code: 'HN', name: 'Hunan Branch', nameZh: '湖南分行', region: 'Central', size: 1.1 },
  { code: 'GD', name: 'Guangdong Branch', nameZh: '广东分行', region: 'South', size: 2.8 },
  { code: 'GX', name: 'Guangxi Branch', nameZh: '广西分行', region: 'South', size: 0.8 },
  { code: 'HI', name: 'Hainan Branch', nameZh: '海南分行', region: 'South', size: 0.5 },
  { code: 'CQ', name: 'Chongqing Branch', nameZh: '重庆分行', region: 'Southwest', size: 1.2 },
  { code: 'SC', name: 'Sichuan Branch', nameZh: '四川分行', region: 'Southwest', size: 2.0 },
  { code: 'GZ', name: 'Guizhou Branch', nameZh: '贵州分行', region: 'Southwest', size: 0.7 },
  { code: 'YN', name: 'Yunnan Branch', nameZh: '云南分行', region: 'Southwest', size: 0.9 },
  { code: 'SN', name: 'Shaanxi Branch', nameZh: '陕西分行', region: 'Northwest', size: 1.1 },
  { code: 'GS', name: 'Gansu Branch', nameZh: '甘肃分行', region: 'Northwest', size: 0.6 },
  { code: 'XJ', name: 'Xinjiang Branch', nameZh: '新疆分行', region: 'Northwest', size: 0.7 },
];

/** Head-office units from domain.md section 2 (the Loan Management Bureau gets divisions). */
export const HQ_BUREAUS: readonly { code: string; name: string; nameZh: string }[] = [
  { code: 'LOAN_COMMITTEE', name: 'Loan Committee', nameZh: '贷委会' },
  { code: 'AUDIT', name: 'Audit Bureau', nameZh: '稽核局' },
  { code: 'ALCO', name: 'Asset-Liability Management Committee', nameZh: '资产负债管理委员会' },
  { code: 'APPRAISAL', name: 'Appraisal Bureau', nameZh: '评审局' },
  { code: 'MARKET', name: 'Market and Industry Analysis Bureau', nameZh: '市场和产业分析局' },
  { code: 'RISK_POLICY', name: 'Risk Planning and Credit Policy Office', nameZh: '风险计划和信贷政策办公室' },
  { code: 'SYSTEM_TOOLS', name: 'System Tools Office', nameZh: '系统工具开发办公室' },
  { code: 'LMB', name: 'Loan Management Bureau', nameZh: '贷款管理局' },
  { code: 'RESTRUCTURING', name: 'Asset Restructuring and Preservation Bureau', nameZh: '资产重组保全局' },
  { code: 'INTL_FINANCE', name: 'International Finance Bureau', nameZh: '国际金融局' },
];

export const LMB_DIVISIONS: readonly { code: string; name: string; nameZh: string; size: number }[] = [
  { code: 'LMB_PLANNING', name: 'Planning Division', nameZh: '计划处', size: 10 },
  { code: 'LMB_CLIENT_MGMT', name: 'Client Management Division', nameZh: '客户管理处', size: 15 },
  { code: 'LMB_CLIENT_SUPPORT', name: 'Client Support Division', nameZh: '客户支持处', size: 5 },
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉力红玉兰宁宇浩鹏飞晨欣怡雪梅琳斌波鑫凯峰俊翔婷颖丹阳亮健帅慧佳倩晶莉燕海林森松涌昊博航睿哲'.split('');

export const CITY_PREFIX = ['华北', '华东', '华南', '西南', '西北', '东北', '中原', '长江', '黄河', '珠江', '渤海', '东方', '中部', '南方', '北方', '海峡', '天山', '昆仑', '秦岭', '太行'];
export const NAME_CORE = ['宏达', '兴业', '恒通', '远航', '瑞丰', '鑫源', '华盛', '永安', '金桥', '新世纪', '联合', '中兴', '泰和', '安泰', '利民', '建业', '诚信', '腾飞', '海天', '万通', '长城', '国泰', '富源', '众诚', '鼎盛', '凯旋', '嘉禾', '天成', '汇丰', '同创'];

export const SECTOR_SUFFIX: Record<string, readonly string[]> = {
  energy: ['电力', '能源', '煤业', '石化', '热电'],
  transport: ['高速公路', '铁路投资', '港口', '航运', '机场'],
  telecom: ['通信', '电信', '网络', '信息'],
  raw_materials: ['钢铁', '化工', '水泥', '有色金属', '建材'],
  agriculture: ['农业', '水利', '林业', '粮油'],
  urban_infrastructure: ['城建投资', '水务', '燃气', '城投', '地铁'],
  other: ['实业', '投资', '科技', '医药'],
};

export const INDUSTRY_BY_SECTOR: Record<string, string> = {
  energy: 'Power and energy',
  transport: 'Transport infrastructure',
  telecom: 'Telecommunications',
  raw_materials: 'Raw materials',
  agriculture: 'Agriculture and water',
  urban_infrastructure: 'Urban infrastructure',
  other: 'Other',
};

export const AGENT_BANKS: readonly { name: string; nameZh: string }[] = [
  { name: 'Industrial and Commercial Bank of China', nameZh: '中国工商银行' },
  { name: 'Agricultural Bank of China', nameZh: '中国农业银行' },
  { name: 'Bank of China', nameZh: '中国银行' },
  { name: 'China Construction Bank', nameZh: '中国建设银行' },
  { name: 'Bank of Communications', nameZh: '交通银行' },
  { name: 'China Merchants Bank', nameZh: '招商银行' },
  { name: 'China CITIC Bank', nameZh: '中信银行' },
  { name: 'China Everbright Bank', nameZh: '中国光大银行' },
  { name: 'Hua Xia Bank', nameZh: '华夏银行' },
  { name: 'China Minsheng Bank', nameZh: '中国民生银行' },
  { name: 'Guangdong Development Bank', nameZh: '广东发展银行' },
  { name: 'Shenzhen Development Bank', nameZh: '深圳发展银行' },
];
