/* pcapng.h - a small pcapng writer (one section, one interface, enhanced
 * packet blocks with nanosecond time stamps) and the reader of the
 * generic netlink family map nldump stores in the section header. */
#ifndef NLDUMP_PCAPNG_H
#define NLDUMP_PCAPNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The first line of the section header comment that carries the map. */
#define PCAPNG_GENL_TAG "nldump genl family map v1"

struct pcapng_w {
	FILE *f;
	uint32_t snaplen;
	uint64_t written;
	uint64_t bytes;		/* the file's length so far (-C) */
	bool error;
};

/* pcapng_open - create path and write the section header (with the map
 * text as a comment when genl_text is not NULL) and one interface
 * description (linktype, snaplen, ifname, nanosecond resolution).
 * false with a one-line message in err. */
bool pcapng_open(struct pcapng_w *w, const char *path, int linktype, uint32_t snaplen,
		 const char *ifname, const char *genl_text, char *err, size_t errlen);
/* One enhanced packet block: caplen bytes captured of a len-byte packet. */
void pcapng_packet(struct pcapng_w *w, int64_t sec, uint32_t nsec, const uint8_t *data,
		   uint32_t caplen, uint32_t len);
/* Flush to the kernel (called after each burst, so the file is readable
 * while it grows). */
void pcapng_flush(struct pcapng_w *w);
/* An interface statistics block: packets received and dropped as the
 * capture counts them (written before closing). */
void pcapng_stats(struct pcapng_w *w, int64_t sec, uint32_t nsec, uint64_t recv,
		  uint64_t drop);
/* Close; false if anything failed to be written. */
bool pcapng_close(struct pcapng_w *w);

/* pcapng_read_genl_map - if path is a pcapng file whose first section
 * header has an nldump map comment, return the map text (malloc'd, the tag
 * line removed); else NULL. Never fails loudly: other files are simply
 * not nldump's. */
char *pcapng_read_genl_map(const char *path);

#endif
