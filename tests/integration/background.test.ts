import { expect, test, vi } from "vitest";
import { prisma } from "#app/utils/db.server.ts";
import { advanceClock, now } from "#app/utils/clock.server.ts";
import { runDueTasks, type BackgroundTask } from "#app/utils/background.server.ts";
import { describeEachDatabase } from "#tests/support/db.ts";

const HOUR = 3_600_000;
const LEASE_MS = 10 * 60_000;

/** A task that counts its runs and takes a moment, so that two runners overlap. */
function countingTask(name = "counting", everyMs = HOUR) {
  const task = {
    name,
    everyMs,
    runs: 0,
    run: async () => {
      task.runs++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
  return task;
}

describeEachDatabase("background tasks", () => {
  test("two runners racing for a due task: its body runs once", async () => {
    const task = countingTask();
    const tasks: BackgroundTask[] = [task];
    const [first, second] = await Promise.all([runDueTasks(tasks), runDueTasks(tasks)]);
    expect(task.runs).toBe(1);
    expect([...first, ...second]).toEqual(["counting"]);

    // Several rounds of racing runners: still once per due time.
    for (let round = 0; round < 3; round++) {
      await Promise.all([runDueTasks(tasks), runDueTasks(tasks), runDueTasks(tasks)]);
    }
    expect(task.runs).toBe(1);
  });

  test("a task is rescheduled everyMs after it finished, and runs again only then", async () => {
    const task = countingTask("hourly", HOUR);
    expect(await runDueTasks([task])).toEqual(["hourly"]);
    const row = await prisma.backgroundTask.findUniqueOrThrow({ where: { name: "hourly" } });
    expect(row).toMatchObject({ lockedUntil: null, lockToken: null, lastError: null });
    const delay = row.nextRunAt.getTime() - now().getTime();
    expect(delay).toBeGreaterThan(HOUR - 5_000);
    expect(delay).toBeLessThanOrEqual(HOUR);
    expect(row.lastRunAt!.getTime()).toBeLessThanOrEqual(now().getTime());

    advanceClock(HOUR - 60_000);
    expect(await runDueTasks([task])).toEqual([]);
    expect(task.runs).toBe(1);

    advanceClock(61_000);
    expect(await runDueTasks([task])).toEqual(["hourly"]);
    expect(task.runs).toBe(2);
  });

  test("a task whose runner died holding the lease runs again once the lease has run out", async () => {
    const task = countingTask("orphaned");
    // Another instance claimed it and died: the lease is held, nobody will release it.
    await prisma.backgroundTask.create({
      data: {
        name: "orphaned",
        nextRunAt: now(),
        lockedUntil: new Date(now().getTime() + LEASE_MS),
        lockToken: "dead-runner",
      },
    });
    expect(await runDueTasks([task])).toEqual([]);
    advanceClock(LEASE_MS - 60_000);
    expect(await runDueTasks([task])).toEqual([]);
    expect(task.runs).toBe(0);

    advanceClock(61_000);
    expect(await runDueTasks([task])).toEqual(["orphaned"]);
    expect(task.runs).toBe(1);
    expect(await prisma.backgroundTask.findUniqueOrThrow({ where: { name: "orphaned" } })).toMatchObject({
      lockedUntil: null,
      lockToken: null,
    });
  });

  test("a throwing task records its error, is rescheduled, and does not stop the others", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing: BackgroundTask = {
      name: "failing",
      everyMs: HOUR,
      run: async () => {
        throw new Error("the mail server is on fire");
      },
    };
    const healthy = countingTask("healthy");
    expect(await runDueTasks([failing, healthy])).toEqual(["healthy"]);
    expect(healthy.runs).toBe(1);
    expect(logged).toHaveBeenCalledWith("background task failing:", expect.any(Error));

    const row = await prisma.backgroundTask.findUniqueOrThrow({ where: { name: "failing" } });
    expect(row.lastError).toContain("the mail server is on fire");
    expect(row).toMatchObject({ lockedUntil: null, lockToken: null });
    expect(row.nextRunAt.getTime() - now().getTime()).toBeGreaterThan(HOUR - 5_000);

    // Not retried before its next time; then retried, and a success clears the error.
    expect(await runDueTasks([failing])).toEqual([]);
    advanceClock(HOUR + 1_000);
    failing.run = async () => {};
    expect(await runDueTasks([failing])).toEqual(["failing"]);
    expect((await prisma.backgroundTask.findUniqueOrThrow({ where: { name: "failing" } })).lastError).toBeNull();
    logged.mockRestore();
  });
});
