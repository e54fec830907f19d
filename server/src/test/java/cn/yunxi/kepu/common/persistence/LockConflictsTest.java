package cn.yunxi.kepu.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

class LockConflictsTest {

    @Test
    void aDeadlockVictimRunsAgain() {
        AtomicInteger calls = new AtomicInteger();
        int result = LockConflicts.retried(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
            return 42;
        });
        assertThat(result).isEqualTo(42);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aWorkThatKeepsLosingFailsWithItsOwnException() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retried(() -> {
            calls.incrementAndGet();
            throw new PessimisticLockingFailureException("lock wait timeout");
        })).isExactlyInstanceOf(PessimisticLockingFailureException.class).hasMessage("lock wait timeout");
        assertThat(calls).as("the first try and four more").hasValue(5);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retried(() -> {
            calls.incrementAndGet();
            throw new DataIntegrityViolationException("duplicate");
        })).isExactlyInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(1);
    }
}
