/** Dinic's maximum flow on a small graph: the timetable puts each class's lessons into slots with it. */
export class MaxFlow {
  private head: number[];
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];
  private level: number[] = [];
  private iter: number[] = [];

  constructor(readonly nodes: number) {
    this.head = new Array(nodes).fill(-1);
  }

  /** Adds an edge and returns its index (for reading its flow later). */
  addEdge(from: number, to: number, capacity: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.next.push(this.head[from] as number, this.head[to] as number);
    this.head[from] = e;
    this.head[to] = e + 1;
    return e;
  }

  /** Flow through edge e (what its reverse edge holds). */
  flowOf(e: number): number {
    return this.cap[e + 1] as number;
  }

  run(source: number, sink: number): number {
    let total = 0;
    while (this.bfs(source, sink)) {
      this.iter = this.head.slice();
      for (let f = this.dfs(source, sink, Number.POSITIVE_INFINITY); f > 0; f = this.dfs(source, sink, Number.POSITIVE_INFINITY)) {
        total += f;
      }
    }
    return total;
  }

  private bfs(source: number, sink: number): boolean {
    this.level = new Array(this.nodes).fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi] as number;
      for (let e = this.head[v] as number; e !== -1; e = this.next[e] as number) {
        const w = this.to[e] as number;
        if ((this.cap[e] as number) > 0 && this.level[w] === -1) {
          this.level[w] = (this.level[v] as number) + 1;
          queue.push(w);
        }
      }
    }
    return this.level[sink] !== -1;
  }

  private dfs(v: number, sink: number, pushed: number): number {
    if (v === sink) return pushed;
    for (; (this.iter[v] as number) !== -1; this.iter[v] = this.next[this.iter[v] as number] as number) {
      const e = this.iter[v] as number;
      const w = this.to[e] as number;
      if ((this.cap[e] as number) <= 0 || this.level[w] !== (this.level[v] as number) + 1) continue;
      const f = this.dfs(w, sink, Math.min(pushed, this.cap[e] as number));
      if (f > 0) {
        // edges come in pairs: 2k forward, 2k+1 its reverse
        this.cap[e] = (this.cap[e] as number) - f;
        this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + f;
        return f;
      }
    }
    return 0;
  }
}
