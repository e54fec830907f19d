package cn.yunxi.kepu.wechat;

/**
 * WeChat's asynchronous image check finished (the {@code wxa_media_check} push).
 *
 * @param traceId the trace_id mediaCheckAsync returned
 * @param suggest {@code pass}, {@code review} or {@code risky}
 * @param label   WeChat's label (100 normal, 20002 pornography...)
 */
public record MediaCheckCompleted(String traceId, String suggest, Integer label) {
}
