package io.zhibiao.query.support;

import java.util.List;
import java.util.Map;

/** Real divisions of the gazetteer, in the region shape of the indicator event. */
public final class Regions {

    public static final Map<String, Object> HUNAN = region("湖南省", "430000", "PROVINCE");
    public static final Map<String, Object> ZHUZHOU = region("株洲市", "430200", "PREFECTURE",
            parent("430000", "湖南省", "PROVINCE"));
    public static final Map<String, Object> LILING = region("醴陵市", "430281", "COUNTY",
            parent("430200", "株洲市", "PREFECTURE"), parent("430000", "湖南省", "PROVINCE"));
    public static final Map<String, Object> YOUXIAN = region("攸县", "430223", "COUNTY",
            parent("430200", "株洲市", "PREFECTURE"), parent("430000", "湖南省", "PROVINCE"));
    public static final Map<String, Object> TIANYUAN = region("天元区", "430211", "COUNTY",
            parent("430200", "株洲市", "PREFECTURE"), parent("430000", "湖南省", "PROVINCE"));
    /** Used only by the level-target series of the API dataset. */
    public static final Map<String, Object> JIANGAN = region("江岸区", "420102", "COUNTY",
            parent("420100", "武汉市", "PREFECTURE"), parent("420000", "湖北省", "PROVINCE"));
    public static final Map<String, Object> GUOCI = region("国瓷街道", "430281004", "TOWN",
            parent("430281", "醴陵市", "COUNTY"), parent("430200", "株洲市", "PREFECTURE"),
            parent("430000", "湖南省", "PROVINCE"));
    public static final Map<String, Object> PINGXIANG = region("萍乡市", "360300", "PREFECTURE",
            parent("360000", "江西省", "PROVINCE"));
    public static final Map<String, Object> SHANGLI = region("上栗县", "360322", "COUNTY",
            parent("360300", "萍乡市", "PREFECTURE"), parent("360000", "江西省", "PROVINCE"));
    public static final Map<String, Object> NATION = nation();

    private Regions() {
    }

    @SafeVarargs
    static Map<String, Object> region(String name, String code, String level, Map<String, Object>... parents) {
        return Map.of("name", name, "code", code, "level", level, "parents", List.of(parents));
    }

    private static Map<String, Object> nation() {
        Map<String, Object> nation = new java.util.LinkedHashMap<>();
        nation.put("name", "全国");
        nation.put("code", null);
        nation.put("level", "COUNTRY");
        nation.put("parents", List.of());
        return nation;
    }

    static Map<String, Object> parent(String code, String name, String level) {
        return Map.of("code", code, "name", name, "level", level);
    }
}
