package cn.yunxi.kepu.common.apidocs;

/**
 * Media types of the few responses that are not JSON, for their {@code @ApiResponse} annotations: every other
 * response is documented as {@code application/json} ({@code springdoc.default-produces-media-type}), so a
 * download must say what it really sends or a generated client would try to parse a spreadsheet as JSON.
 */
public final class ApiMediaTypes {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SVG = "image/svg+xml";
    /** A stored upload served back: whatever type it was uploaded as (an image, a PDF, a spreadsheet...). */
    public static final String ANY = "*/*";

    private ApiMediaTypes() {
    }
}
