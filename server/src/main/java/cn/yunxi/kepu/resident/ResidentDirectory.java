package cn.yunxi.kepu.resident;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;

/** Read access to residents for other features (eligibility, statistics, proxy-signup matching). */
@Service
public class ResidentDirectory {

    private final ResidentMapper residents;
    private final ResidentViews views;
    private final PersonalDataCipher cipher;

    ResidentDirectory(ResidentMapper residents, ResidentViews views, PersonalDataCipher cipher) {
        this.residents = residents;
        this.views = views;
        this.cipher = cipher;
    }

    public Optional<ResidentSummary> find(long residentId) {
        return Optional.ofNullable(residents.summaryColumns(residentId)).map(views::summary);
    }

    public List<ResidentSummary> findAll(Collection<Long> residentIds) {
        if (residentIds.isEmpty()) {
            return List.of();
        }
        return residents.summaryColumnsOf(residentIds).stream().map(views::summary).toList();
    }

    /** Finds the active resident who bound this phone, by its keyed hash (the phone itself is never queried). */
    public Optional<ResidentSummary> findByPhone(String phone) {
        String hash = cipher.lookupHash(phone);
        return residents.selectList(new LambdaQueryWrapper<Resident>()
                        .eq(Resident::getPhoneHash, hash)
                        .eq(Resident::getStatus, Resident.ACTIVE))
                .stream().findFirst().map(views::summary);
    }

    /** The WeChat openid of an active resident, for the few features that send them subscribe messages. */
    public Optional<String> openid(long residentId) {
        return Optional.ofNullable(residents.selectById(residentId)).filter(Resident::isActive).map(Resident::getOpenid);
    }

    /** The bound phone in clear, for staff whose role may see phones (rosters of the district admin). */
    public Optional<String> phone(long residentId) {
        return Optional.ofNullable(residents.selectById(residentId)).filter(Resident::isActive)
                .map(Resident::getPhoneCipher).map(cipher::decrypt);
    }
}
