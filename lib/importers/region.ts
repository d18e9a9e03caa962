/**
 * Where an order went, as coarse as the customer rules need: the province of a report's address.
 */

/** Province-level divisions, short names; 黑龙江 and 内蒙古 before any 2-character prefix of theirs. */
const PROVINCES =
  '黑龙江|内蒙古|北京|天津|上海|重庆|河北|山西|辽宁|吉林|江苏|浙江|安徽|福建|江西|山东|河南|湖北|' +
  '湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|广西|西藏|宁夏|新疆|香港|澳门';
const PROVINCE = new RegExp(
  `^(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`,
);

/**
 * The province of an address, never the street: Taobao separates parts with spaces
 * ("浙江省 杭州市 西湖区 …"), JD may not ("北京朝阳区…"). The province is written as the file
 * writes it (浙江省, 北京). An address we cannot place gives no region rather than a street.
 */
export function regionOf(address: string): string | undefined {
  const s = address.trim();
  const province = PROVINCE.exec(s);
  if (province) return province[0];
  const first = s.split(/\s+/)[0] ?? '';
  // A short first part of a spaced address (a region we do not list, e.g. abroad) is kept.
  return first.length <= 8 && first !== s && !/\*/.test(first) ? first : undefined;
}
