package hk.ccms.access.otp.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The person's preferred language. Messages are always bilingual, like the clearing house's
 * circulars; the preferred language comes first, English when none is given.
 */
public enum Language {
    @JsonProperty("en")
    EN,
    @JsonProperty("zh-HK")
    ZH_HK
}
