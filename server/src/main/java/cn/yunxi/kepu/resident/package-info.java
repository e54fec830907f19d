/**
 * 居民: WeChat login, the resident's profile, phone binding, data export and account deletion.
 * <ul>
 *   <li>Entry points: {@code ResidentAuthController} → {@code ResidentLoginService}; {@code MeController} →
 *       {@code ResidentProfileService}; other features read residents through {@code ResidentService} and the
 *       openid through {@code ResidentOpenidService}. {@code PopulationGroupController} lists the population groups for
 *       the staff console.</li>
 *   <li>Publishes {@code ResidentDeleted}, on which every feature holding personal data erases or anonymises it.</li>
 *   <li>Listens to no events.</li>
 * </ul>
 */
package cn.yunxi.kepu.resident;
