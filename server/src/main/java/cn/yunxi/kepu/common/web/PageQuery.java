package cn.yunxi.kepu.common.web;

import jakarta.validation.constraints.Min;

/**
 * {@code ?page=1&size=20}: pages count from 1; size is capped at {@value #MAX_SIZE} so no client can ask for the
 * whole table.
 */
public record PageQuery(@Min(value = 1, message = "页码从 1 开始") Integer page,
                        @Min(value = 1, message = "每页条数至少为 1") Integer size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public int pageOrDefault() {
        return page == null ? 1 : page;
    }

    public int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public long offset() {
        return (long) (pageOrDefault() - 1) * sizeOrDefault();
    }
}
