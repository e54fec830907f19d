package cn.yunxi.kepu.common.web;

import java.util.List;
import java.util.function.Function;

/** The one paging envelope: {@code {items, total, page, size}}. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public static <T> PageResult<T> of(List<T> items, long total, PageQuery query) {
        return new PageResult<>(items, total, query.pageOrDefault(), query.sizeOrDefault());
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
