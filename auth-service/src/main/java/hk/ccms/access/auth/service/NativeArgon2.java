package hk.ccms.access.auth.service;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

import java.util.Optional;

/**
 * Argon2id from the reference C library (libargon2, Debian package libargon2-1) through JNA.
 * Measured steadier and 2.3× faster than the pure-Java implementation here (BENCHMARKS.md).
 * The library's working memory (19 MiB at OWASP settings) comes from one reusable buffer per
 * hashing thread through the context's allocator callbacks: without that, every hash mallocs
 * and frees 19 MiB and glibc keeps it resident per thread. The library still wipes the memory
 * after each hash.
 */
public final class NativeArgon2 implements Argon2Engine {

    private static final int ARGON2_OK = 0;
    private static final int ARGON2_ID = 2;
    private static final int ARGON2_VERSION_13 = 0x13;

    /** Working memory of the calling (hashing) thread, grown when a larger cost is configured. */
    private static final ThreadLocal<Memory> WORKING_MEMORY = new ThreadLocal<>();

    /** {@code int (*)(uint8_t **memory, size_t bytes)}: hands out this thread's buffer. */
    public interface Allocate extends Callback {
        int invoke(Pointer memory, long bytes);
    }

    /** {@code void (*)(uint8_t *memory, size_t bytes)}: the buffer is kept for the next hash. */
    public interface Release extends Callback {
        void invoke(Pointer memory, long bytes);
    }

    private static final Allocate ALLOCATE = (target, bytes) -> {
        Memory buffer = WORKING_MEMORY.get();
        if (buffer == null || buffer.size() < bytes) {
            // A smaller buffer left behind is freed by JNA when it is collected.
            buffer = new Memory(bytes);
            WORKING_MEMORY.set(buffer);
        }
        target.setPointer(0, buffer);
        return ARGON2_OK;
    };

    private static final Release RELEASE = (memory, bytes) -> { };

    /** {@code argon2_context} from argon2.h, field for field. */
    @Structure.FieldOrder({"out", "outlen", "pwd", "pwdlen", "salt", "saltlen", "secret", "secretlen", "ad", "adlen",
            "t_cost", "m_cost", "lanes", "threads", "version", "allocate_cbk", "free_cbk", "flags"})
    public static class Context extends Structure {
        public Pointer out;
        public int outlen;
        public Pointer pwd;
        public int pwdlen;
        public Pointer salt;
        public int saltlen;
        public Pointer secret;
        public int secretlen;
        public Pointer ad;
        public int adlen;
        public int t_cost;
        public int m_cost;
        public int lanes;
        public int threads;
        public int version;
        public Allocate allocate_cbk;
        public Release free_cbk;
        public int flags;
    }

    interface LibArgon2 extends Library {
        int argon2_ctx(Context context, int type);

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
        Memory out = new Memory(length);
        Memory passwordBytes = copy(password);
        Memory saltBytes = copy(salt);
        try {
            Context context = new Context();
            context.out = out;
            context.outlen = length;
            context.pwd = passwordBytes;
            context.pwdlen = password.length;
            context.salt = saltBytes;
            context.saltlen = salt.length;
            context.t_cost = iterations;
            context.m_cost = memoryKib;
            context.lanes = parallelism;
            context.threads = parallelism;
            context.version = ARGON2_VERSION_13;
            context.allocate_cbk = ALLOCATE;
            context.free_cbk = RELEASE;
            int result = library.argon2_ctx(context, ARGON2_ID);
            if (result != ARGON2_OK) {
                throw new IllegalStateException("libargon2 failed: " + library.argon2_error_message(result));
            }
            return out.getByteArray(0, length);
        } finally {
            passwordBytes.clear();
        }
    }

    /** Native copy of the bytes; at least one byte long because JNA cannot allocate zero. */
    private static Memory copy(byte[] bytes) {
        Memory memory = new Memory(Math.max(1, bytes.length));
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    @Override
    public String name() {
        return "libargon2";
    }
}
