package cn.yunxi.kepu.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.apache.http.client.HttpResponseException;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.Test;

import me.chanjar.weixin.common.error.WxRuntimeException;

/**
 * Which failed subscribe-message sends may be sent again: real failures of the client WeChat is called with, wrapped
 * the way WxJava wraps them. Refused connections are what a WireMock stand-in cannot produce (WechatOutageIT covers
 * the answers it can: timeouts, resets, 5xx).
 */
class WechatSendFailuresTest {

    private final CloseableHttpClient client = new WechatHttpClient(Duration.ofMillis(500)).build();

    @Test
    void aRefusedConnectionCertainlyDidNotSend() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Throwable refused = send(closed);
        assertThat(refused).isInstanceOf(java.net.ConnectException.class);
        assertThat(WechatSubscribeMessages.certainlyNotSent(new WxRuntimeException(refused))).isTrue();
    }

    @Test
    void aRequestWrittenButNeverAnsweredMayHaveBeenSent() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(3000);
                } catch (IOException | InterruptedException e) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Throwable timeout = send(silent.getLocalPort());
            assertThat(timeout).isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(WechatSubscribeMessages.certainlyNotSent(new WxRuntimeException(timeout))).isFalse();
        }
    }

    @Test
    void onlyA503Or429AnswerSaysTheRequestWasNotHandled() {
        assertThat(WechatSubscribeMessages.certainlyNotSent(new WxRuntimeException(new HttpResponseException(503, "x"))))
                .isTrue();
        assertThat(WechatSubscribeMessages.certainlyNotSent(new WxRuntimeException(new HttpResponseException(429, "x"))))
                .isTrue();
        for (int status : new int[] {500, 502, 504}) {
            assertThat(WechatSubscribeMessages.certainlyNotSent(
                    new WxRuntimeException(new HttpResponseException(status, "x")))).as("HTTP " + status).isFalse();
        }
    }

    private Throwable send(int port) {
        return catchThrowable(() -> client.execute(
                new HttpPost("http://127.0.0.1:" + port + "/cgi-bin/message/subscribe/send")).close());
    }
}
