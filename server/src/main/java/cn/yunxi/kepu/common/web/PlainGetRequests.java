package cn.yunxi.kepu.common.web;

/** What the direct writers check of a request before answering it without Spring's message converters. */
final class PlainGetRequests {

    private PlainGetRequests() {
    }

    /**
     * Whether the last path segment has no {@code .}, {@code ;} or {@code %}: no file extension (for which Spring
     * would add a {@code Content-Disposition} or negotiate by extension), no matrix variables, nothing encoded.
     */
    static boolean lastSegmentIsPlain(String uri) {
        for (int i = uri.length() - 1; i >= 0; i--) {
            char c = uri.charAt(i);
            if (c == '/') {
                return true;
            }
            if (c == '.' || c == ';' || c == '%') {
                return false;
            }
        }
        return true;
    }
}
