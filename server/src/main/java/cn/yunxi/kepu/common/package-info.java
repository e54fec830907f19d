/**
 * Small, stable building blocks every feature uses: web errors and paging, security (tokens, current user),
 * crypto for personal data, the clock, rate limits. An open module: its sub-packages are public API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.yunxi.kepu.common;
