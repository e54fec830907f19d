package cn.yunxi.kepu.sciencebase;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class ScienceBaseRequests {

    private ScienceBaseRequests() {
    }

    record SaveBase(@NotBlank(message = "请填写基地名称") @Size(max = 100, message = "名称过长") String name,
                    @NotBlank(message = "请选择基地类别") @Pattern(regexp = "EDUCATION|TOURISM_EDUCATION|DEMONSTRATION", message = "基地类别不正确") String type,
                    @NotBlank(message = "请选择认定级别") @Pattern(regexp = "DISTRICT|CITY|PROVINCE|NATIONAL", message = "认定级别不正确") String level,
                    @NotNull(message = "请填写认定日期") LocalDate accreditedOn,
                    @Size(max = 100, message = "认定单位过长") String accreditedBy,
                    String regionCode,
                    @NotBlank(message = "请填写地址") @Size(max = 200, message = "地址过长") String address,
                    @NotNull(message = "请填写纬度") @DecimalMin(value = "-90", message = "纬度不正确") @DecimalMax(value = "90", message = "纬度不正确") Double latitude,
                    @NotNull(message = "请填写经度") @DecimalMin(value = "-180", message = "经度不正确") @DecimalMax(value = "180", message = "经度不正确") Double longitude,
                    @Min(value = 20, message = "签到范围至少 20 米") @Max(value = 5000, message = "签到范围最多 5000 米") Integer geofenceMeters,
                    @Size(max = 200, message = "开放时间过长") String openingHours,
                    @Size(max = 40, message = "联系人过长") String contactName,
                    @Size(max = 32, message = "联系电话过长") String contactPhone,
                    @Size(max = 2000, message = "简介过长") String description,
                    @Size(max = 20, message = "照片过多") List<@NotBlank(message = "照片不能为空") String> photoKeys) {
    }

    /** Without a position the visit is recorded unverified and counts once staff confirm it. */
    record CheckIn(@DecimalMin(value = "-90", message = "纬度不正确") @DecimalMax(value = "90", message = "纬度不正确") Double latitude,
                   @DecimalMin(value = "-180", message = "经度不正确") @DecimalMax(value = "180", message = "经度不正确") Double longitude) {
    }
}
