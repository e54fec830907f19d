package cn.yunxi.kepu.emergency;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * On account deletion the read receipts and acceptances go; the messages stay, without anything about the person,
 * in the emergency's delivery counts.
 */
@Component
class EmergencyPersonalData {

    private final EmergencyRepository repository;

    EmergencyPersonalData(EmergencyRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        repository.erase(deleted.residentId());
    }
}
