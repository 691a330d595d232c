package hk.ccms.access.auth.service;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.Optional;

/**
 * Argon2id from the reference C library (libargon2, Debian package libargon2-1) through JNA.
 * Measured steadier and faster than the pure-Java implementation on these machines (see
 * BENCHMARKS.md); its memory is allocated and freed by the library on every call.
 */
public final class NativeArgon2 implements Argon2Engine {

    private static final int ARGON2_OK = 0;

    /** The one function used; size_t is 64-bit on the LP64 platforms this runs on. */
    interface LibArgon2 extends Library {
        int argon2id_hash_raw(int iterations, int memoryKib, int parallelism, byte[] password, long passwordLength,
                              byte[] salt, long saltLength, byte[] hash, long hashLength);

        String argon2_error_message(int code);
    }

    private final LibArgon2 library;

    private NativeArgon2(LibArgon2 library) {
        this.library = library;
    }

    /** The native engine, or empty when the library (or JNA's own native part) cannot be loaded here. */
    public static Optional<NativeArgon2> load() {
        for (String name : new String[]{"argon2", "libargon2.so.1"}) {
            try {
                return Optional.of(new NativeArgon2(Native.load(name, LibArgon2.class)));
            } catch (UnsatisfiedLinkError | NoClassDefFoundError notHere) {
                // try the next name, then give up
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] out = new byte[length];
        int result = library.argon2id_hash_raw(iterations, memoryKib, parallelism, password, password.length,
                salt, salt.length, out, out.length);
        if (result != ARGON2_OK) {
            throw new IllegalStateException("libargon2 failed: " + library.argon2_error_message(result));
        }
        return out;
    }

    @Override
    public String name() {
        return "libargon2";
    }
}
