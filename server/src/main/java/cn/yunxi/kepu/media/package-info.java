/**
 * Object storage: the {@link cn.yunxi.kepu.media.MediaStorage} port with an Aliyun OSS adapter (selected when
 * {@code kepu.oss.endpoint} is set) and a local-disk adapter otherwise; direct-upload policies (OSS PostObject V4),
 * upload confirmation and OSS callbacks, and WeChat's asynchronous image check. Other features call
 * {@link cn.yunxi.kepu.media.MediaService} and never see the SDK.
 */
package cn.yunxi.kepu.media;
