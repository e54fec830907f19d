package cn.yunxi.kepu.sciencebase;

import java.time.LocalDate;

/** A science base as the plan's indicators count it. */
public record AccreditedBase(long id, String name, String type, String level, LocalDate accreditedOn,
                             String regionCode, String townCode) {
}
