/* pcapng.c - see pcapng.h.
 *
 * Block layouts (pcapng, draft-ietf-opsawg-pcapng), all in the writer's
 * byte order, every block padded to 32 bits, total length at both ends:
 *
 *   Section Header Block       Interface Description   Enhanced Packet Block
 *   0  type 0x0A0D0D0A         0  type 1               0  type 6
 *   4  total length            4  total length         4  total length
 *   8  byte-order magic        8  link type (2)        8  interface id
 *      0x1A2B3C4D                 reserved (2)         12 time stamp, high 32
 *   12 major 1, minor 0 (2+2)  12 snap length          16 time stamp, low 32
 *   16 section length (8),     16 options              20 captured length
 *      -1 = not given                                  24 original length
 *   24 options                                         28 data, padded
 *
 *   Interface Statistics Block: type 5, total length, interface id, time
 *   stamp high and low, options (4 isb_ifrecv, 5 isb_ifdrop: 64-bit).
 *
 * Options: code (2), length (2), value padded to 32 bits; code 0 ends the
 * list.  SHB: 1 comment, 4 user application.  IDB: 2 if_name, 9 if_tsresol
 * (one byte: 9 = 10^-9 s).
 */
#include "pcapng.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BT_SHB		0x0A0D0D0Au
#define BT_IDB		1u
#define BT_ISB		5u
#define BT_EPB		6u
#define BOM		0x1A2B3C4Du
#define OPT_END		0
#define OPT_COMMENT	1
#define OPT_IF_NAME	2
#define OPT_SHB_USERAPPL 4
#define OPT_IF_TSRESOL	9
#define OPT_ISB_IFRECV	4
#define OPT_ISB_IFDROP	5

static size_t pad4(size_t n) { return (n + 3) & ~(size_t)3; }

static void put(struct pcapng_w *w, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, w->f) != n)
		w->error = true;
	w->bytes += n;
}

static void put32(struct pcapng_w *w, uint32_t v) { put(w, &v, 4); }

static void put_pad(struct pcapng_w *w, size_t n)
{
	static const uint8_t z[4];
	put(w, z, pad4(n) - n);
}

static size_t opt_size(size_t vlen) { return 4 + pad4(vlen); }

static void put_opt(struct pcapng_w *w, uint16_t code, const void *v, size_t vlen)
{
	uint16_t h[2] = { code, (uint16_t)vlen };
	put(w, h, 4);
	put(w, v, vlen);
	put_pad(w, vlen);
}

#ifndef NLDUMP_VERSION
#define NLDUMP_VERSION "0.0"
#endif

bool pcapng_open(struct pcapng_w *w, const char *path, int linktype, uint32_t snaplen,
		 const char *ifname, const char *genl_text, char *err, size_t errlen)
{
	const char *appl = "nldump " NLDUMP_VERSION;
	char *comment = NULL;
	size_t clen = 0;

	memset(w, 0, sizeof(*w));
	w->snaplen = snaplen;
	w->f = fopen(path, "wb");
	if (!w->f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	if (genl_text) {
		size_t tl = strlen(genl_text);
		clen = strlen(PCAPNG_GENL_TAG) + 1 + tl;
		if (clen > 65535) {
			clen = 0;	/* does not fit in one option: not stored */
		} else {
			comment = malloc(clen + 1);
			if (comment)
				snprintf(comment, clen + 1, "%s\n%s", PCAPNG_GENL_TAG, genl_text);
			else
				clen = 0;
		}
	}
	/* SHB */
	uint32_t len = 24 + opt_size(strlen(appl)) + (comment ? opt_size(clen) : 0) + 4 + 4;
	put32(w, BT_SHB);
	put32(w, len);
	put32(w, BOM);
	uint16_t ver[2] = { 1, 0 };
	put(w, ver, 4);
	int64_t seclen = -1;
	put(w, &seclen, 8);
	if (comment)
		put_opt(w, OPT_COMMENT, comment, clen);
	put_opt(w, OPT_SHB_USERAPPL, appl, strlen(appl));
	put_opt(w, OPT_END, NULL, 0);
	put32(w, len);
	free(comment);
	/* IDB */
	size_t nl = ifname ? strlen(ifname) : 0;
	uint8_t tsresol = 9;
	len = 16 + (nl ? opt_size(nl) : 0) + opt_size(1) + 4 + 4;
	put32(w, BT_IDB);
	put32(w, len);
	uint16_t lt[2] = { (uint16_t)linktype, 0 };
	put(w, lt, 4);
	put32(w, snaplen);
	if (nl)
		put_opt(w, OPT_IF_NAME, ifname, nl);
	put_opt(w, OPT_IF_TSRESOL, &tsresol, 1);
	put_opt(w, OPT_END, NULL, 0);
	put32(w, len);
	pcapng_flush(w);
	if (w->error) {
		snprintf(err, errlen, "%s: write error: %s", path, strerror(errno));
		fclose(w->f);
		w->f = NULL;
		return false;
	}
	return true;
}

void pcapng_packet(struct pcapng_w *w, int64_t sec, uint32_t nsec, const uint8_t *data,
		   uint32_t caplen, uint32_t len)
{
	if (!w->f)
		return;
	if (w->snaplen && caplen > w->snaplen)
		caplen = w->snaplen;
	uint64_t ts = (uint64_t)sec * 1000000000u + nsec;
	uint32_t blen = (uint32_t)(28 + pad4(caplen) + 4);
	uint32_t hdr[7] = { BT_EPB, blen, 0, (uint32_t)(ts >> 32), (uint32_t)ts, caplen, len };

	put(w, hdr, sizeof(hdr));
	put(w, data, caplen);
	put_pad(w, caplen);
	put32(w, blen);
	w->written++;
}

void pcapng_stats(struct pcapng_w *w, int64_t sec, uint32_t nsec, uint64_t recv,
		  uint64_t drop)
{
	if (!w->f)
		return;
	uint64_t ts = (uint64_t)sec * 1000000000u + nsec;
	uint32_t blen = 20 + 2 * (uint32_t)opt_size(8) + 4 + 4;
	uint32_t hdr[5] = { BT_ISB, blen, 0, (uint32_t)(ts >> 32), (uint32_t)ts };

	put(w, hdr, sizeof(hdr));
	put_opt(w, OPT_ISB_IFRECV, &recv, 8);
	put_opt(w, OPT_ISB_IFDROP, &drop, 8);
	put_opt(w, OPT_END, NULL, 0);
	put32(w, blen);
}

void pcapng_flush(struct pcapng_w *w)
{
	if (w->f && fflush(w->f) != 0)
		w->error = true;
}

bool pcapng_close(struct pcapng_w *w)
{
	if (!w->f)
		return !w->error;
	if (fclose(w->f) != 0)
		w->error = true;
	w->f = NULL;
	return !w->error;
}

/* ---- reading the stored map back ---- */

static uint32_t rd32(const uint8_t *p, bool swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static uint16_t rd16(const uint8_t *p, bool swap)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return swap ? __builtin_bswap16(v) : v;
}

char *pcapng_read_genl_map(const char *path)
{
	struct stat sb;
	uint8_t h[12];
	uint8_t *blk = NULL;
	char *out = NULL;

	/* a pipe or a device would lose what is read here */
	if (stat(path, &sb) < 0 || !S_ISREG(sb.st_mode))
		return NULL;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fread(h, 1, 12, f) != 12 || rd32(h, false) != BT_SHB)
		goto done;
	bool swap = rd32(h + 8, false) != BOM;
	if (swap && rd32(h + 8, true) != BOM)
		goto done;
	uint32_t len = rd32(h + 4, swap);
	if (len < 28 || len > (1u << 20) || len % 4)
		goto done;
	blk = malloc(len);
	if (!blk)
		goto done;
	memcpy(blk, h, 12);
	if (fread(blk + 12, 1, len - 12, f) != len - 12)
		goto done;
	size_t tl = strlen(PCAPNG_GENL_TAG);
	for (size_t off = 24; off + 4 <= len - 4;) {
		uint16_t code = rd16(blk + off, swap), ol = rd16(blk + off + 2, swap);
		if (code == OPT_END || off + 4 + ol > len - 4)
			break;
		const char *v = (const char *)blk + off + 4;
		if (code == OPT_COMMENT && ol > tl && !memcmp(v, PCAPNG_GENL_TAG, tl) &&
		    v[tl] == '\n') {
			out = malloc(ol - tl);
			if (out) {
				memcpy(out, v + tl + 1, ol - tl - 1);
				out[ol - tl - 1] = 0;
			}
			break;
		}
		off += 4 + pad4(ol);
	}
done:
	free(blk);
	fclose(f);
	return out;
}
