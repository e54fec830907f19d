package cn.yunxi.kepu.common.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A constant answer: liveness for the mini-program, and the benchmark's trivial baseline (B0). */
@RestController
class PingController {

    private static final Ping PONG = new Ping("ok", "kepu-yunxi", "科普云溪", 1);

    @GetMapping("/api/v1/ping")
    Ping ping() {
        return PONG;
    }

    record Ping(String status, String service, String name, int apiVersion) {
    }
}
