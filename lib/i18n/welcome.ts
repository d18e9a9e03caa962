/** The first-run and privacy pages' words: the disclosure the stores' user-data policies ask for. `{name}` marks a value `t` fills in. */
import { translator } from './translate';

const zh_CN = {
  title: '欢迎使用客知',
  lead: '客知在你自己店铺后台的订单页上，给每一单标出买家是谁：会员等级、RFM 分群、新客/老客，以及未付款订单的催付建议。',
  pagesTitle: '在哪些页面工作',
  pagesBody:
    '只在这些订单页上运行：淘宝/天猫和千牛的「已卖出的宝贝」、拼多多、京麦、抖店、Shopify 后台订单，以及你在设置里添加的 WooCommerce 店铺。其他网站一概不读。',
  keepsTitle: '它保存什么',
  keepsBody:
    '订单页显示的订单（以及页面自己加载的订单数据）、你导入的订单报表：订单号、买家昵称或平台给出的买家标识、状态、时间、金额、商品；报表里有时还有收货人姓名、打码的手机号和地区。还有你自己写的标签、备注、黑名单和联系记录。',
  whereTitle: '保存在哪里',
  whereBody:
    '只在这个浏览器里（扩展自己的 IndexedDB）。开启团队同步后，也保存在你自己运行的 CouchDB 服务器上，并且默认加密：服务器只看到密文，看不到任何买家信息。',
  neverTitle: '它从不做的事',
  never1: '没有开发者的服务器：扩展不向我们或任何第三方发送数据。',
  never2: '没有统计、没有遥测、没有广告。',
  never3: '从不自己给买家发消息：催付话术只复制到剪贴板，由你决定是否发送。',
  permsTitle: '权限与用途',
  hostsTitle: '订单页网站',
  optionalHosts: '其他网站（可选）',
  stepsTitle: '开始的三步',
  step1: '打开一个订单页（例如淘宝「已卖出的宝贝」），每一单旁边会出现买家标签。',
  step2: '在设置 → 导入里导入平台导出的订单报表，一次补齐多年的历史。',
  step3: '把客知固定到工具栏（拼图图标 → 图钉），或按 Alt+K 打开弹窗搜索买家。',
  pauseTitle: '暂停记录历史',
  pauseLabel: '暂停记录（不保存任何新的订单、导入、备注或联系记录）',
  pauseOn: '已暂停：已有的历史仍会显示，但不再写入任何内容；团队同步也暂停。',
  pauseOff: '正在记录：订单页上看到的订单会保存在本浏览器里。',
  openOptions: '打开设置',
  openImport: '导入订单报表',
  privacy: '隐私政策',
  privacyTitle: '客知隐私政策',
  welcome: '欢迎页',
};

const en: Record<keyof typeof zh_CN, string> = {
  title: 'Welcome to Kezhi',
  lead: "Kezhi marks every order on your own shop's order pages with who the buyer is: tier, RFM segment, new or returning, and for unpaid orders what to say to them now.",
  pagesTitle: 'Where it works',
  pagesBody:
    'Only on these order pages: Taobao/Tmall and Qianniu sold items, Pinduoduo, JD (Jingmai), Douyin shop, Shopify admin orders, and the WooCommerce shops you add in the options. It reads no other site.',
  keepsTitle: 'What it keeps',
  keepsBody:
    "Orders the order pages show (and the order data those pages load themselves) and the order reports you import: order id, the buyer's nick or the platform's buyer id, status, times, amounts, items; reports sometimes add the receiver's name, a masked phone number and region. Plus the tags, notes, blacklist and contact log you write.",
  whereTitle: 'Where',
  whereBody:
    "Only in this browser (the extension's own IndexedDB). With team sync on, also on the CouchDB server you run yourself, sealed by default: the server sees ciphertext and no buyer's data.",
  neverTitle: 'What it never does',
  never1: 'No vendor server: the extension sends nothing to us or to any third party.',
  never2: 'No analytics, no telemetry, no ads.',
  never3:
    'Never messages a buyer by itself: reminder texts are only copied to your clipboard for you to send.',
  permsTitle: 'Permissions and why',
  hostsTitle: 'Order-page sites',
  optionalHosts: 'Other sites (optional)',
  stepsTitle: 'Three first steps',
  step1:
    "Open an order page (e.g. Taobao's sold items): a badge with the buyer's story appears beside each order.",
  step2:
    "Import the platform's order report in Options → Import to bring in years of history at once.",
  step3:
    'Pin Kezhi to the toolbar (puzzle icon → pin), or press Alt+K to open the popup and search.',
  pauseTitle: 'Pause keeping history',
  pauseLabel: 'Pause keeping history (store no new orders, imports, notes or contacts)',
  pauseOn: 'Paused: what is kept is still shown, but nothing new is written; team sync waits too.',
  pauseOff: 'Keeping history: orders seen on your order pages are stored in this browser.',
  openOptions: 'Open options',
  openImport: 'Import an order report',
  privacy: 'Privacy policy',
  privacyTitle: 'Kezhi privacy policy',
  welcome: 'Welcome page',
};

/** The welcome string for `key` in `lang`. */
export const tables = { zh_CN, en };
export const t = translator(tables);
/** A welcome string's key. */
export type WelcomeKey = keyof typeof zh_CN;
