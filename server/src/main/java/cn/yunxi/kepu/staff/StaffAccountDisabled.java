package cn.yunxi.kepu.staff;

/**
 * A staff account was disabled: whatever else lets it act (such as a WeChat bound for the organiser mode) ends.
 * Its logins have already ended in the same transaction.
 */
public record StaffAccountDisabled(long staffId) {
}
