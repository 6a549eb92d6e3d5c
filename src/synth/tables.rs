//! For each kind of institution: its departments, posts, titles and post-specific duties
//! (written after the example content), which `synth` draws from.

/// What happens to item 8 of the employee category (特种作业人员须持证上岗) for a post.
#[derive(Clone, Copy)]
pub(crate) enum Item8 {
    Keep,
    /// Not a special operation: the item does not apply.
    Remove,
    /// A special operation: the certificate is named.
    Replace(&'static str),
}

/// A post below the head of a department.
pub(crate) struct Staff {
    pub(crate) slug: &'static str,
    pub(crate) name: &'static str,
    /// Professional titles its holders have.
    pub(crate) titles: &'static [&'static str],
    pub(crate) scope: &'static str,
    pub(crate) item8: Item8,
    /// The post's own duties.
    pub(crate) duties: &'static [&'static str],
    /// How many of the department's people hold it, relatively.
    pub(crate) weight: u32,
}

/// A department of an institution.
pub(crate) struct Dept {
    pub(crate) slug: &'static str,
    pub(crate) name: &'static str,
    /// The head's post title.
    pub(crate) head: &'static str,
    /// What the department answers for (the head's scope).
    pub(crate) scope: &'static str,
    /// The head's department-specific duty.
    pub(crate) head_duty: &'static str,
    pub(crate) staff: &'static [Staff],
    /// Large institutions have several of it (病区, 分站), named by this pattern.
    pub(crate) repeats: Option<&'static str>,
}

pub(crate) const HEAD_DUTY: &str = "作为本科室安全生产第一责任人，组织本科室人员签订岗位安全生产责任书并督促履职；";

const OXYGEN: &str = "正确使用和保管医用氧气瓶，严禁烟火、油脂接触，氧气瓶远离暖气片和火源；";
const EVACUATE: &str = "熟悉病区消防通道和灭火器材位置，掌握病人疏散程序，每年参加一次消防演练；";
const SHARPS: &str = "严格执行医疗废物分类收集和锐器处置规定，防止针刺伤和职业暴露；";
const ELECTRIC: &str = "下班前检查本岗位电源、门窗和氧气阀门，发现隐患及时报告；";
const BIOSAFETY: &str = "严格执行实验室生物安全管理制度，规范使用生物安全柜，做好个人防护和消毒；";
const CHEMICALS: &str = "危险化学品实行双人双锁管理，出入库登记，账物相符；";
const DRIVING: &str = "出车前检查车辆制动、灯光和轮胎，遵守交通法规，严禁疲劳驾驶和超速行驶；";
const OFFICE: &str = "下班前关闭办公设备电源，不在办公室使用大功率电器；";
const FIELD: &str = "下乡入户前检查车辆和随身急救用品，遵守交通法规，冬季雪天减速慢行；";

const NURSE: Staff = Staff {
    slug: "nurse",
    name: "护士",
    titles: &["护士", "护师", "主管护师", "副主任护师"],
    scope: "本班次所管病房、治疗室的用氧、用电、消防安全和病人安全。",
    item8: Item8::Remove,
    duties: &[OXYGEN, EVACUATE, SHARPS],
    weight: 6,
};
const DOCTOR: Staff = Staff {
    slug: "doctor",
    name: "医师",
    titles: &["住院医师", "主治医师", "副主任医师", "主任医师"],
    scope: "本人诊疗活动中的医疗安全、用电安全和职业防护。",
    item8: Item8::Remove,
    duties: &[SHARPS, ELECTRIC],
    weight: 4,
};
const CLERK: Staff = Staff {
    slug: "clerk",
    name: "科员",
    titles: &["科员", "一级科员", "四级主任科员"],
    scope: "本人办公场所、办公设备的用电和消防安全，经办事项中的安全生产工作。",
    item8: Item8::Remove,
    duties: &[OFFICE],
    weight: 2,
};
const DRIVER: Staff = Staff {
    slug: "driver",
    name: "驾驶员",
    titles: &["驾驶员"],
    scope: "所驾车辆的行车安全和车辆日常维护保养。",
    item8: Item8::Replace("持有效机动车驾驶证上岗，驾驶证在有效期内，严禁无证驾驶或准驾车型不符；"),
    duties: &[DRIVING],
    weight: 1,
};
const ELECTRICIAN: Staff = Staff {
    slug: "electrician",
    name: "电工",
    titles: &["电工"],
    scope: "配电室、供电线路和应急发电机组的运行、维护和检修安全。",
    item8: Item8::Replace("持有效《特种作业操作证》（电工作业）上岗，按期参加复审，严禁无证作业；"),
    duties: &[
        "严格执行停送电工作票和操作票制度，停电检修时落实验电、挂接地线、悬挂警示牌等安全措施；",
        "每日巡视配电室，检查变压器、配电柜运行参数和温度，做好运行记录；",
    ],
    weight: 1,
};
const BOILER: Staff = Staff {
    slug: "boiler-operator",
    name: "锅炉工",
    titles: &["司炉工"],
    scope: "锅炉房、锅炉及其附属设备和供暖管道的运行安全。",
    item8: Item8::Replace("持有效《特种设备作业人员证》（工业锅炉司炉）上岗，严禁无证作业；"),
    duties: &[
        "每班检查安全阀、压力表和水位计，做好运行记录，严禁超压运行；",
        "供暖期检查烟道和排风，防止一氧化碳中毒；",
    ],
    weight: 1,
};

pub(crate) const OFFICE_DEPT: Dept = Dept {
    slug: "office",
    name: "办公室",
    head: "办公室主任",
    scope: "办公区、档案室、会议室和公务车辆的安全，单位安全生产会议和文件的组织。",
    head_duty: "负责消防器材配置和定期检查，保持疏散通道和安全出口畅通；",
    staff: &[CLERK, DRIVER],
    repeats: None,
};

pub(crate) const HOSPITAL: &[Dept] = &[
    Dept {
        slug: "medical-affairs",
        name: "医务科",
        head: "医务科科长",
        scope: "全院医疗安全管理，医疗纠纷防范和突发事件医疗救援的组织。",
        head_duty: "组织医疗安全不良事件上报和分析，督促临床科室落实医疗安全核心制度；",
        staff: &[CLERK],
        repeats: None,
    },
    Dept {
        slug: "nursing",
        name: "护理部",
        head: "护理部主任",
        scope: "全院各护理单元用氧、用电、消防和病人安全的管理督导。",
        head_duty: "将病区用氧安全、消防器材使用和病人疏散纳入护理人员培训考核；",
        staff: &[CLERK],
        repeats: None,
    },
    Dept {
        slug: "internal-medicine",
        name: "内科",
        head: "内科主任",
        scope: "内科病区、医生办公室、治疗室和病人的安全。",
        head_duty: "落实病房用氧、用电安全，严禁病人及陪护使用电热毯、电炉等大功率电器；",
        staff: &[DOCTOR, NURSE],
        repeats: Some("{name}{n}病区"),
    },
    Dept {
        slug: "surgery",
        name: "外科",
        head: "外科主任",
        scope: "外科病区、换药室和病人的安全，手术相关设备的安全使用。",
        head_duty: "督促落实手术安全核查制度和电刀等高频电气设备的安全使用；",
        staff: &[DOCTOR, NURSE],
        repeats: Some("{name}{n}病区"),
    },
    Dept {
        slug: "obstetrics",
        name: "妇产科",
        head: "妇产科主任",
        scope: "妇产科病区、产房、新生儿和孕产妇的安全。",
        head_duty: "落实产房、母婴同室的防火防盗和新生儿安全管理措施；",
        staff: &[DOCTOR, NURSE],
        repeats: Some("{name}{n}病区"),
    },
    Dept {
        slug: "paediatrics",
        name: "儿科",
        head: "儿科主任",
        scope: "儿科病区、输液室和患儿的安全。",
        head_duty: "落实患儿防坠床、防烫伤、防走失等安全措施；",
        staff: &[DOCTOR, NURSE],
        repeats: Some("{name}{n}病区"),
    },
    Dept {
        slug: "emergency",
        name: "急诊科",
        head: "急诊科主任",
        scope: "急诊诊室、抢救室、留观室的安全和急救设备的完好。",
        head_duty: "保证抢救设备、急救药品完好备用，组织突发事件医疗救援演练；",
        staff: &[DOCTOR, NURSE],
        repeats: None,
    },
    Dept {
        slug: "anaesthesia",
        name: "麻醉科",
        head: "麻醉科主任",
        scope: "手术室、麻醉恢复室和麻醉药品、医用气体的安全。",
        head_duty: "督促麻醉药品、精神药品专人专柜双锁管理，检查医用气体管道和气源；",
        staff: &[DOCTOR, NURSE],
        repeats: None,
    },
    Dept {
        slug: "laboratory",
        name: "检验科",
        head: "检验科主任",
        scope: "检验科实验室的生物安全、化学试剂和用电安全。",
        head_duty: "督促检验科落实生物安全和消毒剂、试剂安全管理；",
        staff: &[Staff {
            slug: "technician",
            name: "检验技师",
            titles: &["检验士", "检验技师", "主管检验技师"],
            scope: "本人所用检验设备、试剂和标本的安全，实验室生物安全。",
            item8: Item8::Remove,
            duties: &[BIOSAFETY, CHEMICALS],
            weight: 3,
        }],
        repeats: None,
    },
    Dept {
        slug: "radiology",
        name: "放射科",
        head: "放射科主任",
        scope: "放射科机房、X射线和CT设备的使用安全和辐射防护。",
        head_duty: "督促放射工作人员持证上岗、佩戴个人剂量计，定期进行职业健康检查；",
        staff: &[Staff {
            slug: "radiographer",
            name: "放射技师",
            titles: &["技士", "技师", "主管技师"],
            scope: "放射检查设备的使用安全和受检者、本人的辐射防护。",
            item8: Item8::Replace("持《放射工作人员证》上岗，工作时佩戴个人剂量计；"),
            duties: &["检查时为受检者非检查部位做好防护，机房门口警示灯和电离辐射警告标志保持完好；"],
            weight: 2,
        }],
        repeats: None,
    },
    Dept {
        slug: "pharmacy",
        name: "药剂科",
        head: "药剂科主任",
        scope: "药房、药库的安全，易燃易爆和毒麻药品的管理。",
        head_duty: "督促乙醇等易燃药品和毒麻药品分类专库存放、专人管理；",
        staff: &[Staff {
            slug: "pharmacist",
            name: "药师",
            titles: &["药士", "药师", "主管药师"],
            scope: "药房、药库和易燃消毒用品的安全。",
            item8: Item8::Remove,
            duties: &["乙醇、碘伏、含氯消毒剂等易燃和腐蚀性物品分类存放，远离火源和电源；", ELECTRIC],
            weight: 2,
        }],
        repeats: None,
    },
    Dept {
        slug: "infection-control",
        name: "医院感染管理科",
        head: "医院感染管理科科长",
        scope: "全院医院感染防控、医疗废物和消毒供应的安全管理督导。",
        head_duty: "督促医疗废物分类收集、暂存和交接，落实职业暴露防护和处置；",
        staff: &[Staff {
            slug: "waste-handler",
            name: "医疗废物收运员",
            titles: &["工人"],
            scope: "医疗废物的收集、转运和暂存安全。",
            item8: Item8::Remove,
            duties: &[SHARPS, "按规定路线和时间收运医疗废物，做好交接登记，暂存处防渗漏、防鼠防蚊蝇；"],
            weight: 1,
        }],
        repeats: None,
    },
    Dept {
        slug: "general-affairs",
        name: "总务科",
        head: "总务科科长",
        scope: "配电、供氧、锅炉、电梯等设施设备和院区道路、建筑的安全。",
        head_duty: "组织特种设备定期检验和特种作业人员持证上岗，落实动火作业审批；",
        staff: &[ELECTRICIAN, BOILER, DRIVER],
        repeats: None,
    },
    Dept {
        slug: "equipment",
        name: "设备科",
        head: "设备科科长",
        scope: "医疗设备、压力容器和医用气体设备的安全管理。",
        head_duty: "建立医疗设备和压力容器台账，组织定期检测和维护保养；",
        staff: &[Staff {
            slug: "engineer",
            name: "设备工程师",
            titles: &["助理工程师", "工程师"],
            scope: "所管医疗设备的安装、维修和电气安全。",
            item8: Item8::Keep,
            duties: &["维修医疗设备时先断电并挂警示牌，维修后进行电气安全检测；"],
            weight: 1,
        }],
        repeats: None,
    },
    Dept {
        slug: "security",
        name: "保卫科",
        head: "保卫科科长",
        scope: "院区治安、消防控制室和重点部位的安全保卫。",
        head_duty: "组织消防控制室24小时值班和每日防火巡查，每年至少组织两次消防演练；",
        staff: &[Staff {
            slug: "guard",
            name: "保安员",
            titles: &["保安员"],
            scope: "所在岗位的治安、防火巡查和突发事件的先期处置。",
            item8: Item8::Remove,
            duties: &[
                "按规定路线防火巡查，检查消防器材和疏散通道，做好巡查记录；",
                "发现火情立即报警并组织初期扑救和人员疏散；",
            ],
            weight: 2,
        }],
        repeats: None,
    },
];

pub(crate) const TOWNSHIP: &[Dept] = &[
    Dept {
        slug: "outpatient",
        name: "门诊部",
        head: "门诊部主任",
        scope: "门诊诊室、治疗室、中医诊室和候诊区的安全。",
        head_duty: "督促艾灸、火罐等诊疗项目落实防火措施，诊疗结束后确认火源熄灭；",
        staff: &[DOCTOR, NURSE],
        repeats: None,
    },
    Dept {
        slug: "inpatient",
        name: "住院部",
        head: "住院部主任",
        scope: "住院病房、护士站、治疗室的用氧、用电、取暖和病人安全。",
        head_duty: "落实病房用氧、用电安全，严禁病人及陪护使用电热毯、电炉等大功率电器；",
        staff: &[DOCTOR, NURSE],
        repeats: None,
    },
    Dept {
        slug: "public-health",
        name: "公共卫生科",
        head: "公共卫生科科长",
        scope: "预防接种门诊、疫苗冷链设备的安全和公共卫生人员下乡服务的安全。",
        head_duty: "督促疫苗冰箱、冷藏箱用电安全，落实冷链温度监测和停电应急措施；",
        staff: &[Staff {
            slug: "public-health-doctor",
            name: "公共卫生医师",
            titles: &["执业助理医师", "医师", "主管医师"],
            scope: "入户随访、预防接种和健康体检工作中的安全，下乡途中交通安全。",
            item8: Item8::Remove,
            duties: &[FIELD, "预防接种时备齐急救药品，发生疑似预防接种异常反应立即处置并报告；"],
            weight: 2,
        }],
        repeats: None,
    },
    Dept {
        slug: "medical-technology",
        name: "医技科",
        head: "医技科科长",
        scope: "检验室、放射室、心电图室和药房的安全。",
        head_duty: "督促放射工作人员持证上岗，检验室落实生物安全管理；",
        staff: &[Staff {
            slug: "technician",
            name: "医技人员",
            titles: &["检验士", "技士", "药士"],
            scope: "检验、放射、心电设备和药品的安全使用。",
            item8: Item8::Remove,
            duties: &[BIOSAFETY, ELECTRIC],
            weight: 2,
        }],
        repeats: None,
    },
    Dept {
        slug: "logistics",
        name: "后勤组",
        head: "后勤组组长",
        scope: "水电设施、取暖设施和院区道路的日常维护和安全。",
        head_duty: "供暖期组织每日巡查锅炉和取暖管道，冬季及时清除院区积雪结冰；",
        staff: &[ELECTRICIAN, BOILER],
        repeats: None,
    },
];

pub(crate) const COMMISSION: &[Dept] = &[
    Dept {
        slug: "medical-administration",
        name: "医政医管股",
        head: "医政医管股股长",
        scope: "医疗机构医疗安全和消防安全的行业监管，本股室办公安全。",
        head_duty: "督促医疗机构落实医疗安全核心制度和消防安全主体责任；",
        staff: &[CLERK],
        repeats: None,
    },
    Dept {
        slug: "public-health",
        name: "基层卫生与公共卫生股",
        head: "基层卫生与公共卫生股股长",
        scope: "基层医疗卫生机构和公共卫生机构安全生产的行业指导。",
        head_duty: "督促乡镇卫生院落实冬季取暖、用氧和疫苗冷链安全措施；",
        staff: &[CLERK],
        repeats: None,
    },
    Dept {
        slug: "supervision",
        name: "综合监督股",
        head: "综合监督股股长",
        scope: "卫生健康综合监督执法中的安全生产检查。",
        head_duty: "将放射诊疗、消毒产品和医疗废物处置纳入监督检查计划；",
        staff: &[CLERK],
        repeats: None,
    },
    Dept {
        slug: "finance",
        name: "规划财务股",
        head: "规划财务股股长",
        scope: "安全生产经费的预算、拨付和监督使用。",
        head_duty: "保障安全生产经费足额列入预算并监督使用；",
        staff: &[CLERK],
        repeats: None,
    },
    Dept {
        slug: "personnel",
        name: "人事股",
        head: "人事股股长",
        scope: "安全生产教育培训纳入干部职工培训计划。",
        head_duty: "将安全生产履职情况纳入干部考核；",
        staff: &[CLERK],
        repeats: None,
    },
];

pub(crate) const CDC: &[Dept] = &[
    Dept {
        slug: "communicable-disease",
        name: "传染病防制科",
        head: "传染病防制科科长",
        scope: "疫情现场处置人员的安全和个人防护。",
        head_duty: "组织疫情现场处置时落实个人防护和交通安全措施；",
        staff: &[Staff {
            slug: "epidemiologist",
            name: "流行病学调查员",
            titles: &["医师", "主管医师"],
            scope: "流行病学调查和疫情现场处置中的个人防护和交通安全。",
            item8: Item8::Remove,
            duties: &[FIELD, "现场调查按规定穿戴防护用品，样本按生物安全要求包装运送；"],
            weight: 2,
        }],
        repeats: None,
    },
    Dept {
        slug: "immunization",
        name: "免疫规划科",
        head: "免疫规划科科长",
        scope: "疫苗冷库、冷链设备和疫苗运输的安全。",
        head_duty: "落实疫苗冷库用电安全、温度监测和停电应急措施；",
        staff: &[Staff {
            slug: "vaccine-keeper",
            name: "疫苗管理员",
            titles: &["医师", "药师"],
            scope: "疫苗冷库和冷链设备的安全运行。",
            item8: Item8::Remove,
            duties: &["每日两次记录冷库温度，发现异常立即启用备用设备并报告；"],
            weight: 1,
        }],
        repeats: None,
    },
    Dept {
        slug: "laboratory",
        name: "检验科",
        head: "检验科科长",
        scope: "实验室生物安全、危险化学品和高压灭菌器的安全。",
        head_duty: "组织实验室生物安全自查，督促危险化学品双人双锁管理；",
        staff: &[
            Staff {
                slug: "technician",
                name: "检验技师",
                titles: &["检验士", "检验技师", "主管检验技师"],
                scope: "本人所用实验设备、菌（毒）种和试剂的安全。",
                item8: Item8::Remove,
                duties: &[BIOSAFETY, CHEMICALS],
                weight: 3,
            },
            Staff {
                slug: "chemicals-keeper",
                name: "危险化学品保管员",
                titles: &["检验技师"],
                scope: "危险化学品库房的安全。",
                item8: Item8::Remove,
                duties: &[CHEMICALS, "危险化学品库房通风、防爆、防盗设施保持完好，每日巡查并记录；"],
                weight: 1,
            },
        ],
        repeats: None,
    },
    Dept {
        slug: "disinfection",
        name: "消毒与病媒生物防制科",
        head: "消毒与病媒生物防制科科长",
        scope: "消毒药械和杀虫剂的储存、配制和现场作业安全。",
        head_duty: "督促消毒剂、杀虫剂分类存放，现场作业落实个人防护；",
        staff: &[Staff {
            slug: "disinfection-worker",
            name: "消杀员",
            titles: &["技士", "工人"],
            scope: "消杀作业中的中毒防护和药械安全。",
            item8: Item8::Remove,
            duties: &["配制和喷洒消毒剂、杀虫剂时穿戴防护用品，作业后清洗器械并登记用量；"],
            weight: 2,
        }],
        repeats: None,
    },
];

pub(crate) const EMERGENCY: &[Dept] = &[
    Dept {
        slug: "dispatch",
        name: "指挥调度科",
        head: "指挥调度科科长",
        scope: "120指挥调度系统的运行安全和调度大厅的消防、用电安全。",
        head_duty: "保证调度系统双路供电和备用线路完好，组织调度系统故障应急演练；",
        staff: &[Staff {
            slug: "dispatcher",
            name: "调度员",
            titles: &["调度员", "护师"],
            scope: "本班次120呼叫受理和车辆调度的安全。",
            item8: Item8::Remove,
            duties: &["严格执行首接负责和交接班制度，调度系统故障时立即启用备用方案并报告；"],
            weight: 2,
        }],
        repeats: None,
    },
    Dept {
        slug: "station",
        name: "急救分站",
        head: "急救分站站长",
        scope: "分站急救人员、救护车辆和急救设备的安全。",
        head_duty: "督促救护车出车前检查和急救设备完好，落实院前急救人员职业防护；",
        staff: &[
            Staff {
                slug: "emergency-doctor",
                name: "急救医师",
                titles: &["住院医师", "主治医师"],
                scope: "院前急救现场和转运途中的医疗安全和个人安全。",
                item8: Item8::Remove,
                duties: &["现场急救先确认环境安全，转运途中系好安全带，做好职业防护；"],
                weight: 2,
            },
            Staff {
                slug: "emergency-driver",
                name: "救护车驾驶员",
                titles: &["驾驶员"],
                scope: "救护车的行车安全和车载设备的固定。",
                item8: Item8::Replace("持有效机动车驾驶证上岗，严禁无证驾驶或准驾车型不符；"),
                duties: &[DRIVING, "执行急救任务时按规定使用警报器和标志灯具，确保通行安全；"],
                weight: 2,
            },
        ],
        repeats: Some("第{n}急救分站"),
    },
];
