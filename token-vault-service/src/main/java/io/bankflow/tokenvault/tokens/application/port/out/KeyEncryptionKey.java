package io.bankflow.tokenvault.tokens.application.port.out;

import io.bankflow.tokenvault.tokens.domain.WrappedDataKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The key-encryption key (KEK) that wraps every record's data key. The embedded default is a local Tink keyset; a
 * HashiCorp Vault Transit key is the production choice (DESIGN.md section 5, ADR 0010): the data key leaves the process
 * only to be wrapped or unwrapped, and the wrapped form records which KEK and key version made it.
 *
 * <p>Rotation: the KEK gets a new key version that new wraps use; the versions before it keep unwrapping what they
 * wrapped, and {@link #rewrap} moves stored data keys to the newest version without the tokens being touched.
 */
public interface KeyEncryptionKey {

    /** @return this KEK's identity, stored with every data key it wraps (e.g. {@code local-keyset}) */
    String id();

    /**
     * The key version {@link #wrap} and {@link #rewrap} use now. Asks the key's source (Vault: the key's {@code
     * latest_version}; the local keyset file: re-read when it changed), so a rotation done outside the service is
     * noticed; called once per rewrap round, not per record.
     *
     * @return the current (primary, latest) key version, as stored in {@link WrappedDataKey#kekKeyVersion()}
     * @throws IllegalStateException when the source cannot be asked
     */
    String currentKeyVersion();

    /**
     * Encrypts a data key with the current (primary) key version.
     *
     * @param dataKey the data key in clear
     * @param associatedData what the wrapped key is bound to (organisation, connection)
     * @return the wrapped key, carrying {@link #id()} and the key version used
     */
    WrappedDataKey wrap(byte[] dataKey, byte[] associatedData);

    /**
     * Decrypts a data key this KEK wrapped, with whichever of its key versions wrapped it.
     *
     * @param wrapped the wrapped key
     * @param associatedData what it must be bound to
     * @return the data key in clear
     * @throws IllegalStateException when another KEK wrapped it, its key version is gone, it was tampered with or it is
     *     bound to something else
     */
    byte[] unwrap(WrappedDataKey wrapped, byte[] associatedData);

    /**
     * Re-encrypts wrapped data keys under the current key version, in one call to the KEK where it can (Vault's {@code
     * rewrap} endpoint, which never returns the data keys). Each item succeeds or fails on its own.
     *
     * @param batch the wrapped keys with what each is bound to
     * @return one result per item, in the same order
     * @throws IllegalStateException when the KEK cannot be asked at all (unreachable, refused)
     */
    List<Rewrapped> rewrap(List<Rewrap> batch);

    /**
     * A wrapped data key to move to the current key version.
     *
     * @param wrapped the wrapped key as stored
     * @param associatedData what it is bound to
     */
    record Rewrap(WrappedDataKey wrapped, byte[] associatedData) {

        public Rewrap {
            Objects.requireNonNull(wrapped, "wrapped");
            Objects.requireNonNull(associatedData, "associatedData");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Rewrap that
                    && wrapped.equals(that.wrapped)
                    && Arrays.equals(associatedData, that.associatedData);
        }

        @Override
        public int hashCode() {
            return Objects.hash(wrapped, Arrays.hashCode(associatedData));
        }

        @Override
        public String toString() {
            return "Rewrap[" + wrapped + "]";
        }
    }

    /**
     * What became of one {@link Rewrap}: the key wrapped anew, or why not.
     *
     * @param wrapped the data key wrapped by the current key version; null when it failed
     * @param failure why it failed (never key material); null when it succeeded
     */
    record Rewrapped(
            @Nullable WrappedDataKey wrapped, @Nullable String failure) {

        public Rewrapped {
            if ((wrapped == null) == (failure == null)) {
                throw new IllegalArgumentException("A rewrap result is either a wrapped key or a failure");
            }
        }

        /** @return a success */
        public static Rewrapped to(WrappedDataKey wrapped) {
            return new Rewrapped(wrapped, null);
        }

        /** @return a failure */
        public static Rewrapped failed(String failure) {
            return new Rewrapped(null, failure);
        }
    }
}
