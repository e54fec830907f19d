package cn.yunxi.kepu.indicator;

/** How an indicator's current value is obtained. */
enum Measure {
    /** Distinct persons with a record tagged with the indicator's code in the counting window. */
    DISTINCT_PERSONS,
    /** Records (person-times) tagged with the indicator's code in the counting window. */
    PERSON_TIMES,
    /** Villages/communities with at least one active 科普信息员 ÷ all villages/communities, in %. */
    OFFICER_COVERAGE,
    /** Villages/communities with at least one approved 科普宣传员 ÷ all villages/communities, in %. */
    PROMOTER_COVERAGE,
    /** Science bases of the given level and types accredited within the plan period. */
    BASES_ACCREDITED,
    /** Entered by the lead unit with evidence, approved by the district admin. */
    MANUAL;

    boolean personBased() {
        return this == DISTINCT_PERSONS;
    }
}
