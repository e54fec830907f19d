package cn.yunxi.kepu.common.personaldata;

/**
 * A feature that keeps data about a resident exposes a bean of this type, so "export my data" returns
 * everything without the resident feature knowing every other feature.
 */
public interface PersonalDataSection {

    /** Key of this section in the export, e.g. {@code signups}. */
    String name();

    /** Everything this feature holds about the resident, as plain records/collections. */
    Object export(long residentId);
}
