/** Display names of province codes (GB/T 2260, first two digits) and channels, per kiosk language. */
const PROVINCES: Record<string, [zh: string, en: string]> = {
  '11': ['北京', 'Beijing'], '12': ['天津', 'Tianjin'], '13': ['河北', 'Hebei'], '14': ['山西', 'Shanxi'], '15': ['内蒙古', 'Inner Mongolia'],
  '21': ['辽宁', 'Liaoning'], '22': ['吉林', 'Jilin'], '23': ['黑龙江', 'Heilongjiang'], '31': ['上海', 'Shanghai'], '32': ['江苏', 'Jiangsu'],
  '33': ['浙江', 'Zhejiang'], '34': ['安徽', 'Anhui'], '35': ['福建', 'Fujian'], '36': ['江西', 'Jiangxi'], '37': ['山东', 'Shandong'],
  '41': ['河南', 'Henan'], '42': ['湖北', 'Hubei'], '43': ['湖南', 'Hunan'], '44': ['广东', 'Guangdong'], '45': ['广西', 'Guangxi'],
  '46': ['海南', 'Hainan'], '50': ['重庆', 'Chongqing'], '51': ['四川', 'Sichuan'], '52': ['贵州', 'Guizhou'], '53': ['云南', 'Yunnan'],
  '54': ['西藏', 'Tibet'], '61': ['陕西', 'Shaanxi'], '62': ['甘肃', 'Gansu'], '63': ['青海', 'Qinghai'], '64': ['宁夏', 'Ningxia'],
  '65': ['新疆', 'Xinjiang'], '71': ['台湾', 'Taiwan'], '81': ['香港', 'Hong Kong'], '82': ['澳门', 'Macau'], unknown: ['未知', 'Unknown'],
};
const CHANNELS: Record<string, [zh: string, en: string]> = {
  app: ['APP', 'App'], mini_program: ['小程序', 'Mini program'], web: ['网页', 'Web'], pos: ['门店', 'Store'], unknown: ['未知', 'Unknown'],
};

/** The name tables handed to the kiosk script (keys it does not know are shown as they are). */
export function warroomNames(lang: 'zh' | 'en'): { provinces: Record<string, string>; channels: Record<string, string> } {
  const pick = (table: Record<string, [string, string]>) => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, lang === 'zh' ? v[0] : v[1]]));
  return { provinces: pick(PROVINCES), channels: pick(CHANNELS) };
}
