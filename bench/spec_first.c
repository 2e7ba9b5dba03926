/* spec_first.c - what a spec family's first use costs: its dissector built
 * from the built-in, pre-parsed spec (what nldump does on the family's
 * first message) and, to compare, from the YAML texts of the same files
 * (libyaml, then the same overlay merge and builder: what a --spec file
 * costs, and what a built-in spec cost before specs/embed.py parsed it).
 *
 *   spec_first SRCROOT RUNS FAMILY...
 *   spec_first --one pre|text SRCROOT FAMILY    (one build, its time in ms)
 *
 * For each family, RUNS builds each way (RUNS >= 1), each in a process of
 * its own (this program run again: a first use meets a fresh heap, as in
 * nldump; builds freed and redone in one process, or in a forked copy,
 * cost up to three times more), timed in CPU time of the thread (steadier
 * than the wall clock on a shared machine); prints the minimum and the
 * median in milliseconds, one line a family.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "spec_priv.h"
#include "ynl.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static char *slurp(const char *root, const char *file, size_t *len)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", root, file);
	FILE *f = fopen(path, "rb");
	char *buf = f ? malloc(SPEC_FILE_MAX + 1) : NULL;
	*len = buf ? fread(buf, 1, SPEC_FILE_MAX + 1, f) : 0;
	if (f)
		fclose(f);
	if (!buf) {
		fprintf(stderr, "spec_first: cannot read %s\n", path);
		exit(1);
	}
	return buf;
}

/* one build from the built-in spec: the registry as nldump makes it */
static double first_pre(const char *name)
{
	struct spec_reg *r = spec_reg_new(NULL);
	if (!r)
		exit(3);
	spec_reg_hooks(r, &ynl_hooks);
	double t0 = now_ms();
	const struct nl_dissector *d = spec_reg_find(r, name);
	double t = now_ms() - t0;
	if (!d) {
		fprintf(stderr, "spec_first: no built-in spec builds %s\n", name);
		exit(1);
	}
	spec_reg_free(r);
	return t;
}

/* one build from the texts: base and overlays parsed with libyaml */
static double first_text(const char *root, const char *name)
{
	const struct spec_pre *base = NULL;
	for (unsigned i = 0; i < spec_nbuiltin; i++)
		if (!spec_builtin[i].overlay && !strcmp(spec_builtin[i].name, name))
			base = &spec_builtin[i];
	if (!base) {
		fprintf(stderr, "spec_first: %s is not built in\n", name);
		exit(1);
	}
	size_t len;
	char *text = slurp(root, base->file, &len), err[512];
	char *otext[8];
	size_t olen[8];
	const char *ofile[8];
	unsigned no = 0;
	for (unsigned i = 0; i < spec_nbuiltin && no < 8; i++)
		if (spec_builtin[i].overlay && !strcmp(spec_builtin[i].name, name)) {
			ofile[no] = spec_builtin[i].file;
			otext[no] = slurp(root, ofile[no], &olen[no]);
			no++;
		}
	struct spec_arena *a = spec_arena_new();
	struct spec_err se = { err, sizeof(err), false };
	if (!a)
		exit(3);
	double t0 = now_ms();
	struct snode *tree = spec_yaml_parse(a, base->file, (uint8_t *)text, len, err,
					     sizeof(err));
	for (unsigned i = 0; tree && i < no; i++) {
		struct snode *ov = spec_yaml_parse(a, ofile[i], (uint8_t *)otext[i], olen[i], err,
						   sizeof(err));
		if (!ov || !spec_overlay_merge(a, tree, ov, &se))
			tree = NULL;
	}
	struct spec_family *f = tree ? spec_build(a, tree, base->file, &ynl_hooks, &se) : NULL;
	double t = now_ms() - t0;
	if (!f) {
		fprintf(stderr, "spec_first: %s\n", err);
		exit(1);
	}
	spec_arena_free(a);
	free(text);
	for (unsigned i = 0; i < no; i++)
		free(otext[i]);
	return t;
}

/* how long one build way ("pre" or "text") takes in a process of its own
 * (spec_first --one WAY SRCROOT FAMILY, its time on standard output) */
static double in_child(const char *way, const char *root, const char *name)
{
	int fd[2];
	char buf[64] = "";
	if (pipe(fd))
		exit(3);
	pid_t pid = fork();
	if (pid < 0)
		exit(3);
	if (!pid) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execl("/proc/self/exe", "spec_first", "--one", way, root, name, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	ssize_t n = read(fd[0], buf, sizeof(buf) - 1);
	close(fd[0]);
	int st;
	if (n <= 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
		exit(1);
	buf[n] = 0;
	return atof(buf);
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "--one")) {
		printf("%.6f\n", !strcmp(argv[2], "pre") ? first_pre(argv[4])
							 : first_text(argv[3], argv[4]));
		return 0;
	}
	if (argc < 4 || atoi(argv[2]) < 1) {
		fputs("usage: spec_first SRCROOT RUNS FAMILY...\n", stderr);
		return 2;
	}
	const char *root = argv[1];
	int runs = atoi(argv[2]);
	double *pre = calloc((size_t)runs, sizeof(*pre));
	double *txt = calloc((size_t)runs, sizeof(*txt));
	if (!pre || !txt)
		return 3;
	printf("%-12s %22s %22s\n", "family", "built in: min, median", "from YAML: min, median");
	for (int k = 3; k < argc; k++) {
		for (int i = 0; i < runs; i++) {
			pre[i] = in_child("pre", root, argv[k]);
			txt[i] = in_child("text", root, argv[k]);
		}
		qsort(pre, (size_t)runs, sizeof(*pre), cmp_d);
		qsort(txt, (size_t)runs, sizeof(*txt), cmp_d);
		printf("%-12s %9.2f ms, %6.2f ms %9.2f ms, %6.2f ms\n", argv[k], pre[0],
		       pre[runs / 2], txt[0], txt[runs / 2]);
	}
	free(pre);
	free(txt);
	return 0;
}
