package cn.yunxi.kepu.resident;

/**
 * Published when a resident deletes their account, after their personal data is erased from the resident
 * table. Features holding personal data of their own (names given at signup, comments...) erase it on this
 * event; anonymous participation records stay.
 */
public record ResidentDeleted(long residentId) {
}
