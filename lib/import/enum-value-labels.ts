/**
 * Chinese names a department's export writes for the catalog's enum codes, per canonical field:
 * a cell holding the name is sent as the code (a cell holding the code is sent as it is). Names
 * follow the Administrative Penalty Law (art. 9) for penalty kinds, the licence's certificate
 * name for licence kinds, and the tax bureau's names of taxes. A name on no list is sent as
 * written, and the server rejects it as an unknown value, naming the field.
 */
export const ENUM_VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  penaltyKind: {
    警告: 'WARNING',
    罚款: 'FINE',
    没收违法所得: 'CONFISCATION',
    没收非法财物: 'CONFISCATION',
    '没收违法所得、没收非法财物': 'CONFISCATION',
    暂扣许可证件: 'SUSPENSION',
    责令停产停业: 'SUSPENSION',
    吊销许可证件: 'REVOCATION',
    吊销营业执照: 'REVOCATION',
    暂停执业活动: 'SUSPENSION',
    停止执业: 'SUSPENSION',
    吊销执业证书: 'REVOCATION',
  },
  licenceKind: {
    食品经营许可证: 'FOOD_BUSINESS',
    食品经营许可: 'FOOD_BUSINESS',
    食品生产许可证: 'FOOD_PRODUCTION',
    食品生产许可: 'FOOD_PRODUCTION',
    食品小作坊登记证: 'SMALL_FOOD_WORKSHOP',
    药品经营许可证: 'DRUG_RETAIL',
    '药品经营许可证(零售)': 'DRUG_RETAIL',
    医疗器械经营许可证: 'MEDICAL_DEVICE_BUSINESS',
    特种设备作业人员证: 'SPECIAL_EQUIPMENT_OPERATOR',
    医师执业证书: 'DOCTOR',
    护士执业证书: 'NURSE',
    律师执业证: 'LAWYER',
    公证员执业证: 'NOTARY',
    司法鉴定人执业证: 'FORENSIC_APPRAISER',
  },
  sanctionKind: {
    警告: 'WARNING',
    记过: 'DEMERIT',
    记大过: 'MAJOR_DEMERIT',
    降级: 'DEMOTION',
    撤职: 'REMOVAL_FROM_POST',
    开除: 'DISMISSAL',
  },
  procedure: { 普通程序: 'GENERAL', 简易程序: 'SIMPLE' },
  taxType: {
    个人所得税: 'INDIVIDUAL_INCOME',
    增值税: 'VALUE_ADDED',
    房产税: 'PROPERTY',
    城镇土地使用税: 'URBAN_LAND_USE',
    契税: 'DEED',
    车船税: 'VEHICLE_VESSEL',
  },
  violationKind: { 逾期申报: 'LATE_FILING', 重大税收违法: 'MAJOR_VIOLATION' },
  endReason: { 已履行: 'PERFORMED', 撤销: 'REVOKED' },
  recordKind: {
    考试作弊: 'EXAM_CHEATING',
    学术不端: 'ACADEMIC_FRAUD',
    助学贷款违约: 'STUDENT_LOAN_DEFAULT',
    伪造就业材料: 'FORGED_EMPLOYMENT_PAPERS',
  },
  correction: { 更正: 'CORRECTED', 撤销: 'REVOKED' },
  householdStatus: {
    正常: 'ACTIVE',
    注销: 'CANCELLED',
    死亡: 'DECEASED',
    迁出: 'MIGRATED_OUT',
  },
  catalogCode: { 劳动模范: 'HONOUR_MODEL_WORKER' },
};
