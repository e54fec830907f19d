/**
 * Object storage: the {@link cn.yunxi.kepu.media.MediaStorage} port with an Aliyun OSS adapter (selected when
 * {@code kepu.oss.endpoint} is set) and a local-disk adapter otherwise; direct-upload policies (OSS PostObject V4),
 * upload confirmation and OSS callbacks, and WeChat's asynchronous image check. Other features call
 * {@link cn.yunxi.kepu.media.MediaService} and never see the SDK.
 * <ul>
 *   <li>Entry points: {@code MediaController} → {@code MediaService}; {@code OssCallbackVerifier} checks OSS
 *       callbacks.</li>
 *   <li>Publishes nothing. Listens to {@code MediaCheckCompleted} (the image verdict) and {@code ResidentDeleted}.</li>
 * </ul>
 */
package cn.yunxi.kepu.media;
