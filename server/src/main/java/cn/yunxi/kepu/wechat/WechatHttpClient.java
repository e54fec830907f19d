package cn.yunxi.kepu.wechat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.http.HttpHost;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.SocketConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;

/**
 * The HTTP client WxJava calls WeChat with, built from our timeouts. WxJava's own builder is one process-wide
 * singleton that builds its client once: whatever timeouts the first configuration gave it win for every later
 * one. This one belongs to its service. No automatic retries: a request that was written but not answered may
 * have been acted on (a subscribe message delivered), so whether to send it again is the caller's decision.
 */
final class WechatHttpClient implements ApacheHttpClientBuilder {

    private final Duration timeout;
    private String proxyHost;
    private int proxyPort;
    private volatile CloseableHttpClient client;

    WechatHttpClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CloseableHttpClient build() {
        CloseableHttpClient built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = create();
                }
                built = client;
            }
        }
        return built;
    }

    private CloseableHttpClient create() {
        int millis = (int) timeout.toMillis();
        // connecting to WeChat's front door takes milliseconds; a refused or unroutable address should not cost
        // a resident the whole read timeout
        int connect = Math.min(millis, 3000);
        HttpClientBuilder builder = HttpClients.custom()
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(50)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(millis).build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(millis)
                        .setConnectionRequestTimeout(millis)
                        .build())
                .disableAutomaticRetries()
                .evictExpiredConnections()
                .evictIdleConnections(30, TimeUnit.SECONDS);
        if (proxyHost != null && !proxyHost.isBlank() && proxyPort > 0) {
            builder.setProxy(new HttpHost(proxyHost, proxyPort));
        }
        return builder.build();
    }

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        this.proxyHost = host;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        this.proxyPort = port;
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder supportedProtocols(String[] protocols) {
        return this;
    }
}
