using Tongxin.Modules.Proposals;
using Tongxin.Modules.Proposals.Search;

namespace Tongxin.Bench;

/// <summary>Generates realistic proposal text for the search benchmarks: topics (the matter, its
/// problems, its measures) × phrasings (titles, openings, connectives), seeded so every run
/// indexes the same corpus. 300,000 proposals over 10 years in 100 committees; the first
/// committee (the city) has 30,000.</summary>
public static class ProposalCorpus
{
    public const int Total = 300_000;
    public const int CityShare = 30_000;
    public const int Committees = 100;

    private sealed record Topic(string[] Subjects, string[] Problems, string[] Measures, string Category);

    private static readonly Topic[] Topics =
    [
        new(["老旧小区加装电梯", "既有住宅增设电梯", "多层住宅电梯加装"], ["老年住户上下楼困难", "低层住户担心采光和噪声", "费用分摊比例争议大", "规划消防审批手续繁琐", "管线迁改费用高"], ["简化加装电梯审批流程", "出台财政补贴政策", "允许提取住房公积金", "建立低层住户补偿协商机制"], "城市建设与管理"),
        new(["城区停车难", "居民区停车泊位", "共享停车"], ["停车泊位严重不足", "车辆占道停放影响消防通道", "医院商圈周边一位难求", "写字楼车位夜间空置"], ["建设立体停车库", "机关单位停车场错时开放", "建立智慧停车信息平台", "施划夜间临时泊位"], "城市建设与管理"),
        new(["医保异地就医结算", "跨省看病报销", "异地就医直接结算"], ["随迁老人需要先垫付再回参保地报销", "门诊慢特病费用不能跨省刷卡", "备案手续多周期长", "务工人员报销材料繁杂"], ["扩大直接结算定点医院范围", "开通线上备案渠道", "将门诊慢特病纳入跨省结算", "取消不必要的证明材料"], "社会法制"),
        new(["社区居家养老服务", "老年助餐服务", "家庭养老床位"], ["社区养老服务设施覆盖不足", "独居高龄老人吃饭难", "专业护理人员短缺", "上门照护服务供给少"], ["每个街道建设综合养老服务中心", "发展社区长者食堂", "政府购买上门照护服务", "落实养老机构运营补贴"], "社会法制"),
        new(["校外培训机构监管", "课外辅导班预收费", "隐形变异培训"], ["无证办学超前教学", "预收费用金额大卷款跑路", "以研学营名义开展学科培训", "家长维权困难"], ["建立培训资金监管账户", "公布合规机构白名单", "开展联合执法", "设立退费纠纷快速处理通道"], "教科文卫体"),
        new(["生活垃圾分类", "厨余垃圾分出", "垃圾分类收运"], ["居民分类投放准确率不高", "收运环节混装混运", "桶边督导人员不足", "湿垃圾处理设施负荷低"], ["推行定时定点投放", "按类别配置专用收运车辆", "开展积分奖励", "建设社区就地处理设备"], "城市建设与管理"),
        new(["城区黑臭水体治理", "内河污染整治", "小微水体管护"], ["河道水体发黑发臭", "沿河排污口较多", "雨污管网混接", "治理后容易反弹"], ["实施雨污分流改造", "开展清淤疏浚和生态补水", "落实河长制巡查", "明确村级管护责任人"], "城市建设与管理"),
        new(["电动自行车充电安全", "电瓶车飞线充电", "电动车电池起火"], ["电动车推入楼道充电", "从窗口拉线充电", "劣质锂电池过充热失控", "火灾事故频发"], ["集中建设智能充电桩", "严禁电动车进楼入户", "加强电池质量抽检", "推广自动断电充电设备"], "城市建设与管理"),
        new(["城市内涝防治", "暴雨道路积水", "海绵城市建设"], ["下穿通道和地下车库被淹", "低洼路口积水没过车轮", "雨水箅子被落叶堵塞", "硬化面积大雨水下渗少"], ["改造老旧排水管网", "建设调蓄池", "推广透水铺装和下沉式绿地", "汛前集中清掏管道"], "城市建设与管理"),
        new(["普惠性幼儿园", "入园贵", "幼儿园教师队伍"], ["新建城区学位紧张", "民办园收费高", "公办园名额抽签难中", "民办园教师流动性大"], ["落实小区配套幼儿园移交", "对普惠园给予生均补助", "建立幼儿园教师最低工资标准", "扩大公办园比例"], "教科文卫体"),
        new(["外卖骑手权益保障", "新就业形态劳动者", "骑手驿站"], ["未签订劳动合同", "算法压缩配送时间", "职业伤害保障缺失", "缺少休息饮水充电场所"], ["推动平台缴纳职业伤害保障", "优化派单算法", "成立行业工会", "依托社区设立骑手驿站"], "社会法制"),
        new(["基层医疗服务能力", "乡村医生队伍", "家庭医生签约服务"], ["社区卫生服务中心设备落后", "村医年龄偏大收入低", "签而不约流于形式", "大医院人满为患"], ["推进医联体建设", "提高村医补助标准", "定向培养农村订单医学生", "明确签约服务内容清单"], "教科文卫体"),
        new(["餐饮油烟扰民", "夜市烧烤经营", "底商饭店油烟"], ["油烟直排影响楼上住户", "深夜喧哗垃圾遍地", "油烟熏黑墙面居民不敢开窗"], ["强制安装油烟净化设施", "划定烧烤经营集中区域", "开展油烟在线监测", "加强联合执法"], "城市建设与管理"),
        new(["老年人数字鸿沟", "互联网应用适老化", "保留传统服务方式"], ["老人不会使用智能手机", "扫码乘车网上挂号困难", "应用字体小广告多", "没有手机的老人办事碰壁"], ["保留人工窗口和现金支付", "开发长辈模式", "组织志愿者开展智能手机培训", "设置老年人绿色通道"], "社会法制"),
        new(["农村电商", "农村快递物流", "农产品区域公共品牌"], ["特色水果丰收季节滞销", "快递到村难运费高", "农产品知名度低缺乏统一品牌"], ["建设县级电商公共服务中心", "培训农民直播带货", "建设村级快递服务站", "发展冷链物流"], "经济建设"),
        new(["保障性租赁住房", "人才公寓", "住房租赁市场"], ["新市民租房成本高", "毕业生找房难租金贵", "二房东违规群租克扣押金"], ["利用闲置厂房建设保障性租赁住房", "给予毕业生租房补贴", "推行租赁网签备案", "将租金押金纳入监管"], "经济建设"),
        new(["新能源汽车充电桩", "小区充电桩安装", "公共充电设施运维"], ["公共充电桩数量不足分布不均", "物业以电力容量不足拒绝安装", "充电桩损坏无人维修", "燃油车占用充电车位"], ["统筹规划充电网络", "老旧小区电力增容", "建立充电桩运维考核制度", "推动充电平台互联互通"], "经济建设"),
        new(["儿童青少年近视防控", "学生视力健康", "电子屏幕使用时间"], ["近视率居高不下低龄化", "教室照明不达标", "电子作业增多", "户外活动少"], ["保证每天两小时户外活动", "教室照明标准化改造", "限制电子作业时长", "定期开展视力筛查"], "教科文卫体"),
        new(["小微企业融资", "中小企业信用信息共享", "应急转贷资金"], ["缺乏抵押物贷款门槛高", "银行难以评估企业信用", "为续贷借高息过桥资金"], ["扩大政府性融资担保规模", "建设企业信用信息共享平台", "设立应急转贷资金池", "推行无还本续贷"], "经济建设"),
        new(["中小学生心理健康", "青少年心理问题", "社会心理服务体系"], ["焦虑抑郁问题呈上升趋势", "心理老师配备不足", "厌学自伤事件增多", "心理热线接通率低"], ["每所学校配备专职心理教师", "建立心理危机预警和转介机制", "医院开设青少年心理门诊", "扩容心理援助热线"], "教科文卫体"),
        new(["电信网络诈骗防范", "养老诈骗整治", "两卡非法买卖"], ["老年人和学生受骗较多", "以投资养老项目为名骗取积蓄", "出租出借手机卡银行卡"], ["开展精准反诈宣传", "银行加强可疑交易拦截", "开展打击整治养老诈骗专项行动", "依法惩处出租出借两卡"], "社会法制"),
        new(["普惠托育服务", "职工托育点", "托育机构监管"], ["三岁以下托育机构少收费高", "双职工家庭育儿压力大", "保育人员无证上岗"], ["在社区建设普惠托育点", "支持用人单位举办托育点", "建立托育机构备案制度", "安装视频监控向家长开放"], "社会法制"),
        new(["历史文化街区保护", "传统民居修缮", "城市更新历史风貌"], ["传统建筑年久失修", "老宅院木结构腐朽", "老街改成仿古一条街"], ["编制历史文化街区保护规划", "设立修缮专项资金", "坚持微改造渐进式更新", "开展历史文化影响评估"], "城市建设与管理"),
        new(["城镇燃气安全", "液化气钢瓶管理", "燃气泄漏报警"], ["燃气管道老化腐蚀", "餐饮场所违规使用瓶装液化气", "过期钢瓶超量充装"], ["加快燃气管道老化更新改造", "安装燃气泄漏报警装置", "推行钢瓶二维码追溯", "推动餐饮业瓶改管"], "城市建设与管理"),
        new(["快递包装绿色化", "电商过度包装", "快递纸箱回收"], ["过度包装严重回收率低", "小商品用大箱子多层泡沫", "纸箱随生活垃圾丢弃"], ["推广可循环快递箱", "设置快递包装回收点", "对过度包装予以处罚", "给予回收积分奖励"], "经济建设"),
        new(["高标准农田建设", "农田水利设施管护", "耕地撂荒整治"], ["灌溉排水不畅田块细碎", "渠道泵站无人管护", "种粮收益低耕地撂荒"], ["配套灌排设施和机耕道路", "明确管护主体和经费", "引导合作社托管代种", "种粮补贴向实际种粮者倾斜"], "经济建设"),
        new(["无障碍环境建设", "轮椅出行", "信息无障碍"], ["盲道被占用中断", "公交车没有低地板", "政务网站不支持读屏软件"], ["开展无障碍设施专项整改", "推进路口缘石坡道改造", "更新低地板公交车", "政务应用完成信息无障碍改造"], "社会法制"),
        new(["农贸市场改造", "社区便民菜市场", "马路市场整治"], ["地面湿滑污水横流", "新建小区周边没有菜市场", "占道经营堵塞交通"], ["实行干湿分区标准化改造", "规划建设社区便民菜市场", "就近设置规范化疏导点", "推行电子秤溯源"], "城市建设与管理"),
        new(["生育支持政策", "家庭养育负担", "女性平等就业"], ["养育成本高生育意愿低", "住房教育支出压力大", "招聘时询问婚育状况"], ["延长产假和陪产假", "发放育儿补贴", "对多孩家庭给予购房优惠", "建立生育成本社会分担机制"], "社会法制"),
        new(["职业教育产教融合", "技工院校建设", "技能人才待遇"], ["专业设置与产业需求脱节", "实训条件差", "缺少高级技工和技师"], ["推行订单培养和现代学徒制", "共建实训基地", "打通技能等级与职称贯通通道", "引进企业能工巧匠任教"], "教科文卫体"),
    ];

    private static readonly string[] TitleForms = ["关于{0}的建议", "关于加强{0}的建议", "关于进一步完善{0}的提案", "关于推进{0}工作的建议", "关于解决{0}问题的提案", "关于{0}的几点建议"];

    private static readonly string[] Openings = ["近年来，", "据调研，", "目前，", "从群众反映看，", "随着经济社会发展，", "在走访中发现，", ""];

    private static readonly string[] Fillers = ["这一问题群众反映强烈，", "相关部门虽已开展工作，但成效尚不明显，", "各地做法不一，缺乏统一标准，", "基层力量薄弱，难以落实，", "资金投入不足，"];

    private static readonly string[] Places = ["我市", "城区", "部分街道", "一些乡镇", "老城区", "新城区"];

    public static Guid CommitteeId(int i) => new(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);

    public static IEnumerable<ProposalIndexEntry> Generate()
    {
        var random = new Random(20261123);
        var sessions = Enumerable.Range(0, Committees * 10).Select(i => new Guid(i + 1, 1, 0, [0, 0, 0, 0, 0, 0, 0, 2])).ToArray();
        for (var i = 0; i < Total; i++)
        {
            var committee = i < CityShare ? 0 : 1 + (i % (Committees - 1));
            var year = 2017 + (i % 10);
            var status = random.Next(100) switch
            {
                < 2 => ProposalStatus.Draft,
                < 5 => ProposalStatus.Withdrawn,
                < 10 => ProposalStatus.NotFiled,
                < 15 => ProposalStatus.Submitted,
                < 40 => ProposalStatus.Handling,
                _ => ProposalStatus.Completed,
            };
            var (title, situation, suggestions, category) = Text(random);
            yield return new ProposalIndexEntry(
                Guid.CreateVersion7(), CommitteeId(committee), sessions[(committee * 10) + (year - 2017)], year, status, category,
                random.Next(100) < 80, status >= ProposalStatus.Filed ? i + 1 : null, title, situation, suggestions,
                DemoNamesFor(random), "", new DateTime(year, 1, 1).AddMinutes(i));
        }
    }

    /// <summary>A new draft no one has indexed: the benchmark's query for similar proposals.</summary>
    public static string NewDraft(int seed)
    {
        var (title, situation, suggestions, _) = Text(new Random(seed));
        return $"{title}\n{situation}\n{suggestions}";
    }

    private static (string Title, string Situation, string Suggestions, string Category) Text(Random random)
    {
        var topic = Topics[random.Next(Topics.Length)];
        var subject = Pick(random, topic.Subjects);
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, TitleForms), subject);
        var problems = topic.Problems.OrderBy(_ => random.Next()).Take(random.Next(2, topic.Problems.Length + 1));
        var situation = $"{Pick(random, Openings)}{Pick(random, Places)}{subject}方面存在一些问题：{string.Join("，", problems)}。{Pick(random, Fillers)}亟需加以解决。";
        var measures = topic.Measures.OrderBy(_ => random.Next()).Take(random.Next(2, topic.Measures.Length + 1)).ToList();
        var suggestions = string.Join("", measures.Select((m, k) => $"{"一二三四五"[k]}是{m}。"));
        return (title, situation, suggestions, topic.Category);
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    private static readonly string[] GivenNames = ["建华", "秀英", "海燕", "志强", "丽娟", "国平", "晓东", "文静"];

    private static string DemoNamesFor(Random random) => Pick(random, Surnames) + Pick(random, GivenNames);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
