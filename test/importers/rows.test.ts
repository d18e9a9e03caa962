import { EXPORT_STATUSES, exportStatus, regionOf } from '../../lib/importers';
import { cleanCell } from '../../lib/importers/rows';

describe('exportStatus', () => {
  it('maps the status texts the exports write', () => {
    const cases: [string, string][] = [
      // Taobao
      ['交易成功', 'completed'],
      ['交易关闭', 'closed'],
      ['等待买家付款', 'unpaid'],
      ['买家已付款，等待卖家发货', 'paid'],
      ['卖家已发货，等待买家确认', 'shipped'],
      ['等待卖家发货', 'paid'],
      ['卖家部分发货', 'shipped'],
      ['交易自动关闭', 'closed'],
      // Pinduoduo
      ['已发货，待签收', 'shipped'],
      ['已签收', 'completed'],
      ['待发货', 'paid'],
      ['已取消', 'closed'],
      ['未发货，退款成功', 'refunded'],
      // JD
      ['等待出库', 'paid'],
      ['等待确认收货', 'shipped'],
      ['完成', 'completed'],
      ['(删除)锁定', 'closed'],
      ['（删除）锁定', 'closed'],
      ['锁定', 'refunding'],
    ];
    for (const [text, status] of cases) expect([text, exportStatus(text)]).toEqual([text, status]);
    expect(exportStatus('火星状态')).toBeUndefined();
    expect(exportStatus('')).toBeUndefined();
  });

  it('agrees with its own table (a later normaliseStatus must not contradict it)', () => {
    for (const [text, status] of Object.entries(EXPORT_STATUSES))
      expect([text, exportStatus(text)]).toEqual([text, status]);
  });
});

describe('regionOf', () => {
  it('keeps the province only, as written', () => {
    expect(regionOf('浙江省 杭州市 西湖区 测试路1号')).toBe('浙江省');
    expect(regionOf('北京 北京市 朝阳区 测试胡同4号')).toBe('北京');
    expect(regionOf('北京北京市朝阳区测试路1号')).toBe('北京');
    expect(regionOf('广西壮族自治区南宁市测试路')).toBe('广西壮族自治区');
    expect(regionOf('内蒙古自治区 呼和浩特市')).toBe('内蒙古自治区');
    expect(regionOf('黑龙江省哈尔滨市')).toBe('黑龙江省');
  });

  it('never returns a street or a masked part', () => {
    expect(regionOf('测试路1号测试小区5栋')).toBeUndefined();
    expect(regionOf('**** ****')).toBeUndefined();
    expect(regionOf('')).toBeUndefined();
    expect(regionOf('Tokyo 1-2-3 Chiyoda')).toBe('Tokyo');
  });
});

describe('cleanCell', () => {
  it('unwraps Taobao ="…" cells and trims', () => {
    expect(cleanCell('="3306183637220018070"')).toBe('3306183637220018070');
    expect(cleanCell(' 169.00 ')).toBe('169.00');
    expect(cleanCell('="="')).toBe('=');
    expect(cleanCell(undefined)).toBe('');
  });
});
