/**
 * WeChat: login codes, content security (text and image checks), subscribe messages and WeChat's pushes, all
 * through WxJava.
 * <ul>
 *   <li>Entry points: {@code WechatPushController} (WeChat's message pushes); other features call
 *       {@code WechatCodes}, {@code WechatContentSecurity} and {@code WechatSubscribeMessages}.</li>
 *   <li>Publishes {@code MediaCheckCompleted} (an image verdict). Listens to no events.</li>
 * </ul>
 */
package cn.yunxi.kepu.wechat;
