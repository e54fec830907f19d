package cn.yunxi.kepu.event;

/**
 * What the staff event list is narrowed to; null parts do not narrow.
 *
 * @param unitId  organising unit (a town or department); the district admin's choice only
 * @param keyword words of the title or venue name
 */
record EventFilter(EventStatus status, EventKind kind, Long unitId, String keyword) {
}
