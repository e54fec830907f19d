package cn.yunxi.kepu.common.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ForwardedHeadersValve} in place of the RemoteIpValve Boot configures for {@code
 * forward-headers-strategy: native}, with the same settings. It runs after Boot's own customizer has added that valve.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ForwardedHeadersCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> valves = new ArrayList<>(factory.getEngineValves());
        valves.replaceAll(valve -> valve instanceof RemoteIpValve configured
                && ForwardedHeadersValve.canReplace(configured) ? new ForwardedHeadersValve(configured) : valve);
        factory.setEngineValves(valves);
    }
}
