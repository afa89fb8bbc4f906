import {
  MASKERS,
  MASKER_NAMES,
  applyMasker,
  isMaskerName,
  maskAddress,
  maskAmount,
  maskDate,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../maskers';
import type { MaskerName } from '../maskers';

describe('idNumber', () => {
  it.each([
    ['511921198503121234', '511921********1234'],
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002x'],
    ['511921850312123', '511921*****2123'],
    ['12345678901', '123456*8901'],
    ['1234567890', '**********'],
    ['5119', '****'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});

describe('name', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['欧阳修', '欧**'],
    ['司马光', '司**'],
    ['阿依古丽·买买提', '阿*******'],
    ['𠀀一', '𠀀*'],
    ['张', '*'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });
});

describe('address', () => {
  it.each([
    ['通江县诺江镇红军路12号', '通江县诺江镇***'],
    ['四川省巴中市通江县诺江镇红军路12号', '四川省巴中市通江县诺江镇***'],
    ['巴州区东城街道江北大道3号', '巴州区东城街道***'],
    ['通江县水宁寺镇平安村3组12号', '通江县水宁寺镇***'],
    ['通江县春在乡新华村1组2号', '通江县春在乡***'],
    ['通江县乡村振兴路8号', '通江县***'],
    ['通江县市场路5号', '通江县***'],
    ['阆中市七里大道1号', '阆中市***'],
    ['诺江镇红军路12号', '诺江镇***'],
    ['红军路12号', '***'],
    ['通江县', '通江县'],
    ['通江县诺江镇', '通江县诺江镇'],
    ['新疆维吾尔自治区乌鲁木齐市天山区光明路5号', '新疆维吾尔自治区***'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });
});

describe('amount', () => {
  it.each([
    ['0', '<1万'],
    ['9999.99', '<1万'],
    ['10000', '1万-10万'],
    ['99999.99', '1万-10万'],
    ['100000', '≥10万'],
    ['2500000', '≥10万'],
    ['-50', '<1万'],
    ['abc', '***'],
    ['', '***'],
    [' ', '***'],
  ])('%j → %j', (input, expected) => {
    expect(maskAmount(input)).toBe(expected);
  });
});

describe('date', () => {
  it.each([
    ['1985-03-12', '1985'],
    ['1985', '1985'],
    ['85-03-12', '****'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskDate(input)).toBe(expected);
  });
});

describe('phone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0827-7221234', '082*****1234'],
    ['12345678', '123*5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });
});

describe('applyMasker', () => {
  it('keeps null and undefined as null', () => {
    expect(applyMasker('name', null)).toBeNull();
    expect(applyMasker('name', undefined)).toBeNull();
  });

  it('masks each element of a list, nulls included', () => {
    expect(applyMasker('name', ['张三', null, '欧阳娜娜'])).toEqual(['张*', null, '欧***']);
  });

  it('masks numbers as their text', () => {
    expect(applyMasker('amount', 12000)).toBe('1万-10万');
  });
});

describe('MASKERS', () => {
  it('declares the scalar types each masker applies to', () => {
    const types = Object.fromEntries(
      Object.entries(MASKERS).map(([name, masker]) => [name, masker.scalarTypes]),
    );
    expect(types).toEqual({
      idNumber: ['String', 'ID'],
      name: ['String'],
      address: ['String'],
      amount: ['String'],
      date: ['String'],
      phone: ['String'],
    });
  });

  it('knows its names and nothing inherited', () => {
    expect(['idNumber', 'phone', 'toString', 'nope'].map(isMaskerName)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('is idempotent: masking a masked value changes nothing (gateway and subgraph both mask)', () => {
    const samples: Record<MaskerName, string[]> = {
      idNumber: ['51192119850312123X', '12345', ''],
      name: ['欧阳娜娜', '张', ''],
      address: ['四川省巴中市通江县诺江镇红军路12号', '红军路12号', '通江县乡村振兴路8号', ''],
      amount: ['12000', '3', '250000', 'abc', ''],
      date: ['1985-03-12', 'unknown', ''],
      phone: ['13812345678', '110', ''],
    };
    for (const name of MASKER_NAMES) {
      for (const sample of samples[name]) {
        const once = MASKERS[name].mask(sample);
        expect([name, sample, MASKERS[name].mask(once)]).toEqual([name, sample, once]);
      }
    }
  });
});
