/**
 * 工作人员: staff accounts, their roles ({@code StaffRole}) and units, password login.
 * <ul>
 *   <li>Entry points: {@code StaffAuthController} → {@code StaffLoginService}; {@code StaffController} →
 *       {@code StaffAdminService}, {@code StaffService}; other features read units and staff through
 *       {@code StaffService} and check the district admin with {@code StaffRole#isDistrictAdmin}.
 *       {@code FirstAdminBootstrap} creates the first district admin.</li>
 *   <li>Publishes {@code StaffAccountDisabled} (the event feature ends the account's organiser binding); listens
 *       to no events. {@code StaffService#checkCredentials} checks a password as a login does.</li>
 * </ul>
 */
package cn.yunxi.kepu.staff;
