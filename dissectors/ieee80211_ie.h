/* ieee80211_ie.h - IEEE 802.11 information elements and management frames
 * as nl80211 carries them (NL80211_ATTR_IE, BSS information elements,
 * beacon head and tail, probe responses, frames).
 *
 * Reference: IEEE Std 802.11-2020, 9.4.2 (elements), 9.3.3 (management
 * frame bodies); IEEE 802.11ax-2021 and 802.11be (extension elements).
 */
#ifndef NLDUMP_IEEE80211_IE_H
#define NLDUMP_IEEE80211_IE_H

#include <stdbool.h>
#include <stdint.h>

#include "dissect.h"

/* The elements at c as a list under key, one object per element
 * ({"id", "name", decoded fields}); an element longer than what is left
 * is marked malformed and the rest shown as hex.  False: c is empty. */
bool ie80211_elems(struct dctx *d, const char *key, struct nlc *c);

/* A management frame (header, the fixed fields of its subtype, elements)
 * as an object under key.  False: shorter than a management header. */
bool ie80211_mgmt(struct dctx *d, const char *key, struct nlc *c);

/* A frequency in MHz as its channel number (2.4, 5, 6 and 60 GHz
 * bands, 4.9 GHz); -1 when it is in none of them. */
int ie80211_freq_channel(uint32_t mhz);

/* A cipher or AKM suite (OUI and type) as its name, or NULL. */
const char *ie80211_cipher_name(uint32_t oui, uint8_t type);
const char *ie80211_akm_name(uint32_t oui, uint8_t type);

/* reason codes (9.4.1.7) and status codes (9.4.1.9) by value */
extern const struct nl_names ie80211_reason_names;
extern const struct nl_names ie80211_status_names;

/* What ie80211_elems and ie80211_mgmt write, for the field registry. */
extern const struct nl_shape ie80211_elems_shape;
extern const struct nl_shape ie80211_mgmt_shape;

/* The span of a value of n bytes at c: the bytes of it the capture holds
 * (a read past them fails, but its field stays inside the frame). */
static inline size_t ie80211_span(const struct nlc *c, size_t n)
{
	size_t k = nlc_capleft(c);

	return k < n ? k : n;
}

/* A little-endian number of n bytes (1, 2 or 4) read at c, written under
 * key and published as a field over its bytes; its value returned. */
uint32_t ie80211_put_le(struct dctx *d, const char *key, struct nlc *c, unsigned n,
			enum emit_fmt f);

/* ieee80211_sec.c: RSN (id 48) and the vendor elements (id 221) */
void ie80211_rsn(struct dctx *d, struct nlc *c, uint32_t oui);
void ie80211_vendor(struct dctx *d, struct nlc *c);

#endif
