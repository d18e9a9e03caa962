/**
 * The importers' words: every sentence an order-report import says to a seller. `{name}` marks a
 * value filled in. An import runs in a worker and its report is shown later in whatever language
 * the seller then reads, so the importers say things with `say`, which fills every language.
 */
import { LANGS, type Label, type Lang } from './lang';
import { fill, translator, type Vars } from './translate';

const zh_CN = {
  // A file refused whole
  'refuse.empty': '文件是空的（0 字节）。',
  'refuse.blank': '文件里没有内容（只有空白）。',
  'refuse.xlsxAsCsv': '这是 xlsx（或其他压缩包）文件，不是 CSV：请按 xlsx 导入。',
  'refuse.oldXls': '这是旧版 Excel .xls 文件：请在表格软件中另存为 .xlsx 或 CSV 后再导入。',
  'refuse.binaryKind': '这是 {kind} 文件，不是订单报表。',
  'refuse.binaryNul': '这是二进制文件（含 NUL 字节），不是 CSV 文本。',
  'refuse.undecodable':
    '无法识别文件的文字编码（既不是 UTF-8 也不是 GBK/GB18030），可能不是文本文件。',
  'refuse.notXlsx': '这不是 xlsx 文件（可能是 CSV：请按 CSV 导入）。',
  'refuse.xlsxDamaged': '无法打开这个 xlsx 文件（文件可能已损坏）。{why}',
  'refuse.noSheets': '工作簿里没有工作表。',
  'refuse.noHeader': '文件里没有找到表头行。',
  'refuse.wrongPlatform': '这是{format}，与所选店铺的平台不符。',
  'refuse.garbledHeader':
    '表头里有乱码（�）：文件曾被用错误的编码保存过，原来的文字已丢失。请从平台重新导出。',
  'refuse.notAReport': '这不是订单报表：缺少列 {missing}（最接近的是{nearest}）。第一行是：{seen}',
  'refuse.badShopId': '店铺编号「{shopId}」无效：请重新选择店铺。',
  // Remarks about a file that was read
  'note.cutOff': '文件末尾的最后一个字符不完整（文件可能被截断）。',
  'note.wrongBom': '文件开头标着 UTF-8，内容其实是 GBK：已按 GBK 读取。',
  'note.mojibake': '这个文件曾被按错误的编码（Latin-1）打开又保存过，已还原成原来的文字。',
  // Report names
  'format.taobao-orders': '淘宝订单报表',
  'format.taobao-items': '淘宝宝贝报表（订单明细）',
  'format.taobao-qn': '千牛订单导出（xlsx）',
  'format.pinduoduo': '拼多多订单导出',
  'format.jd': '京东订单导出',
  'format.any': '订单报表',
  'list.separator': '、',
  'list.empty': '（空）',
  // A skipped row
  'row.quoteOpen': '引号没有闭合：这一行可能被截断了',
  'row.quoteBad': '引号的用法有误',
  'row.short': '这一行只有 {n} 列，表头有 {width} 列：行不完整（文件可能被截断）',
  'row.extra': '这一行比表头多出 {n} 个非空单元格：列可能错位（某个单元格里有未加引号的逗号？）',
  'row.tooManyItems': '订单 {orderId} 的商品超过 {max} 行，这一行没有导入',
  'row.missing.orderId': '缺少{name}',
  'row.missing.status': '缺少{name}',
  'row.missing.createdAt': '缺少{name}',
  'row.missing.amount': '缺少{name}',
  'row.missing.title': '缺少{name}',
  'row.noQuantity': '{name}为空或为 0',
  'row.scientificId':
    '{name}「{id}」被表格软件改成了科学计数法，原编号已丢失：请从平台重新导出，不要用 Excel 另存。',
  'row.bad.orderId': '{name}「{value}」不是有效的订单编号',
  'row.bad.time': '{name}「{value}」不是可识别的时间',
  'row.bad.amount': '{name}「{value}」不是有效的金额',
  'row.bad.quantity': '{name}「{value}」不是有效的数量',
  'row.bad.status': '{name}「{value}」无法识别',
  'row.schema': '{name}：{problem}',
  'row.invalid': '不符合要求',
};

/** An importer string's key. */
export type ImporterKey = keyof typeof zh_CN;

const en: Record<ImporterKey, string> = {
  'refuse.empty': 'The file is empty (0 bytes).',
  'refuse.blank': 'The file holds only blank space.',
  'refuse.xlsxAsCsv': 'This is an xlsx (zip) file, not a CSV: import it as xlsx.',
  'refuse.oldXls': 'This is an old Excel .xls file: save it as .xlsx or CSV first.',
  'refuse.binaryKind': 'This is a {kind} file, not an order report.',
  'refuse.binaryNul': 'This is a binary file (it contains NUL bytes), not CSV text.',
  'refuse.undecodable':
    'The text encoding is neither UTF-8 nor GBK/GB18030; this may not be a text file.',
  'refuse.notXlsx': 'This is not an xlsx file (it may be a CSV: import it as CSV).',
  'refuse.xlsxDamaged': 'This xlsx file cannot be opened (it may be damaged). {why}',
  'refuse.noSheets': 'The workbook has no sheets.',
  'refuse.noHeader': 'No header row was found in the file.',
  'refuse.wrongPlatform': "This is a {format}, which does not match the selected shop's platform.",
  'refuse.garbledHeader':
    'The header holds replacement characters (�): the file was once saved with the wrong ' +
    'encoding and its text is lost. Export it again from the platform.',
  'refuse.notAReport':
    'This is not an order report: missing columns {missing} (nearest: {nearest}). ' +
    'The first row reads: {seen}',
  'refuse.badShopId': 'The shop id "{shopId}" is not valid: pick the shop again.',
  'note.cutOff': 'The last character of the file is incomplete (the file may be truncated).',
  'note.wrongBom': 'The file is marked UTF-8 but holds GBK text: it was read as GBK.',
  'note.mojibake':
    'This file was once opened with the wrong encoding (Latin-1) and saved again; ' +
    'its text was restored.',
  'format.taobao-orders': 'Taobao order report',
  'format.taobao-items': 'Taobao items report (order lines)',
  'format.taobao-qn': 'Qianniu order export (xlsx)',
  'format.pinduoduo': 'Pinduoduo order export',
  'format.jd': 'JD order export',
  'format.any': 'order report',
  'list.separator': ', ',
  'list.empty': '(empty)',
  'row.quoteOpen': 'A quote is never closed: this row may be cut off',
  'row.quoteBad': 'Quotes are malformed in this row',
  'row.short':
    'This row has {n} columns but the header has {width}: the row is incomplete ' +
    '(the file may be cut off)',
  'row.extra':
    'This row has {n} non-empty cells beyond the header: columns may be shifted ' +
    '(an unquoted comma in a cell?)',
  'row.tooManyItems': 'Order {orderId} has more than {max} item rows; this row was not imported',
  'row.missing.orderId': '{name} (order id) is empty',
  'row.missing.status': '{name} (status) is empty',
  'row.missing.createdAt': '{name} (created time) is empty',
  'row.missing.amount': '{name} (amount) is empty',
  'row.missing.title': '{name} (item title) is empty',
  'row.noQuantity': '{name} (quantity) is empty or 0',
  'row.scientificId':
    '{name} "{id}" was turned into scientific notation by a spreadsheet; the id is lost. ' +
    'Export again from the platform without re-saving in Excel.',
  'row.bad.orderId': '{name} "{value}" is not a valid order id',
  'row.bad.time': '{name} "{value}" is not a time we can read',
  'row.bad.amount': '{name} "{value}" is not a valid amount',
  'row.bad.quantity': '{name} "{value}" is not a valid quantity',
  'row.bad.status': '{name} "{value}" is not a status we know',
  'row.schema': '{name}: {problem}',
  'row.invalid': 'invalid',
};

/** Every language's words: `say` fills them all, `t` one. */
export const tables = { zh_CN, en };

/** Values for `say`: a Label value is taken in the language being filled (a report's name). */
export type SayVars = Readonly<Record<string, string | number | Label>>;

const varsIn = (lang: Lang, vars: SayVars | undefined): Vars | undefined =>
  vars &&
  Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]),
  );

/** The sentence `key` in every language, its placeholders filled from `vars` in one pass each. */
export function say(key: ImporterKey, vars?: SayVars): Label {
  return Object.fromEntries(
    LANGS.map((lang) => [lang, fill(tables[lang][key], varsIn(lang, vars))]),
  ) as Label;
}

/** Items listed the way each language lists them ("a、b" / "a, b"). */
export function listOf(items: readonly string[]): Label {
  return Object.fromEntries(
    LANGS.map((lang) => [lang, items.join(tables[lang]['list.separator'])]),
  ) as Label;
}

/** The importer string for `key` in one language, as on every other surface. */
export const t = translator(tables);
