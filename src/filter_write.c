/* filter_write.c - `-r IN -w OUT`: a cut of a capture file.  The frames
 * kept (all, or those holding a message a display filter keeps; -c) are
 * spooled to a temporary file, and written after the section header once
 * the run is over, so that the generic netlink family map the header
 * carries is the one learned from the whole input (the nlctrl replies
 * that taught it may not be among the frames kept). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_write.h"

bool cut_open(struct cut_w *c, const char *path, char *err, size_t errlen)
{
	memset(c, 0, sizeof(*c));
	c->path = path;
	c->spool.f = tmpfile();
	if (!c->spool.f) {
		snprintf(err, errlen, "%s: temporary file: %s", path, strerror(errno));
		return false;
	}
	/* the file must be writable now, not found out at the end */
	FILE *t = fopen(path, "wb");
	if (!t) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		fclose(c->spool.f);
		c->spool.f = NULL;
		return false;
	}
	fclose(t);
	return true;
}

void cut_frame(struct cut_w *c, const struct nl_frame *f)
{
	if (f->pkt)
		pcapng_packet(&c->spool, f->sec, f->nsec, f->pkt, f->pktcap, f->pktlen);
}

bool cut_close(struct cut_w *c, int linktype, const char *map, char *err, size_t errlen)
{
	struct pcapng_w w;
	char buf[1 << 15];
	size_t n;
	bool ok = !c->spool.error && fflush(c->spool.f) == 0;

	if (!ok || fseek(c->spool.f, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "%s: temporary file: write error", c->path);
		fclose(c->spool.f);
		c->spool.f = NULL;
		return false;
	}
	if (!pcapng_open(&w, c->path, linktype, 262144, "nldump-cut", map, err, errlen)) {
		fclose(c->spool.f);
		c->spool.f = NULL;
		return false;
	}
	while ((n = fread(buf, 1, sizeof(buf), c->spool.f)) > 0)
		if (fwrite(buf, 1, n, w.f) != n)
			w.error = true;
	if (ferror(c->spool.f))
		w.error = true;
	fclose(c->spool.f);
	c->spool.f = NULL;
	c->written = c->spool.written;
	if (!pcapng_close(&w)) {
		snprintf(err, errlen, "%s: write error", c->path);
		return false;
	}
	return true;
}

void cut_abort(struct cut_w *c)
{
	if (c->spool.f)
		fclose(c->spool.f);
	c->spool.f = NULL;
}
