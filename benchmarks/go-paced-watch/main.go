// Go clientv3 counterpart of SemanticsLoad's watch phase: writes paced at a fixed rate on 1 ms ticks,
// one goroutine per write, a prefix watch (optionally with prev_kv); prints ack -> event latency per
// round. -txn writes the way a typed save does (a Txn: create_revision == 0, then put), -batch N
// puts N keys per Txn (saveAll), -clean deletes and physically compacts each round's keys like
// SemanticsLoad, -warmup rounds are run first and not printed.
package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"go.etcd.io/etcd/clientv3"
)

func main() {
	ep := flag.String("endpoint", "127.0.0.1:2379", "")
	rate := flag.Int("rate", 5000, "events per second")
	n := flag.Int("n", 20000, "events per round")
	rounds := flag.Int("rounds", 6, "")
	warmup := flag.Int("warmup", 0, "unprinted rounds first")
	prev := flag.Bool("prev", false, "watch with prev_kv")
	txn := flag.Bool("txn", false, "write with a Txn comparing create_revision == 0")
	batch := flag.Int("batch", 1, "keys per write (implies -txn when > 1)")
	clean := flag.Bool("clean", false, "delete and physically compact each round's keys")
	flag.Parse()
	cli, err := clientv3.New(clientv3.Config{Endpoints: []string{*ep}, DialTimeout: 5 * time.Second})
	if err != nil {
		panic(err)
	}
	defer cli.Close()
	val := strings.Repeat("x", 150)
	var refused atomic.Int64
	write := func(prefix string, from, to int) error {
		if !*txn && *batch == 1 {
			_, err := cli.Put(context.Background(), prefix+strconv.Itoa(from), val)
			return err
		}
		var cmps []clientv3.Cmp
		var ops []clientv3.Op
		for k := from; k < to; k++ {
			key := prefix + strconv.Itoa(k)
			cmps = append(cmps, clientv3.Compare(clientv3.CreateRevision(key), "=", 0))
			ops = append(ops, clientv3.OpPut(key, val))
		}
		resp, err := cli.Txn(context.Background()).If(cmps...).Then(ops...).Commit()
		if err == nil && !resp.Succeeded {
			err = fmt.Errorf("%s%d exists", prefix, from)
		}
		return err
	}
	for r := 0; r < *warmup+*rounds; r++ {
		prefix := fmt.Sprintf("/paced%d-%d/", time.Now().UnixNano(), r)
		acked := make([]time.Time, *n)
		heard := make([]time.Time, *n)
		ctx, cancel := context.WithCancel(context.Background())
		opts := []clientv3.OpOption{clientv3.WithPrefix()}
		if *prev {
			opts = append(opts, clientv3.WithPrevKV())
		}
		wch := cli.Watch(ctx, prefix, opts...)
		done := make(chan struct{})
		go func() {
			got := 0
			for resp := range wch {
				now := time.Now()
				for _, ev := range resp.Events {
					i, _ := strconv.Atoi(strings.TrimPrefix(string(ev.Kv.Key), prefix))
					heard[i] = now
					got++
				}
				if got >= *n {
					close(done)
					return
				}
			}
		}()
		time.Sleep(200 * time.Millisecond)
		interval := time.Second * time.Duration(*batch) / time.Duration(*rate)
		var before syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		refused.Store(0)
		begin := time.Now()
		var wg sync.WaitGroup
		i := 0
		for call := 0; i < *n; {
			el := time.Since(begin)
			time.Sleep(time.Millisecond - el%time.Millisecond)
			now := time.Since(begin)
			for ; i < *n && time.Duration(call)*interval <= now; call++ {
				from, to := i, i+*batch
				if to > *n {
					to = *n
				}
				i = to
				wg.Add(1)
				go func() {
					defer wg.Done()
					// etcd refuses a proposal while its apply lags commit by 5,000 entries; refused
					// requests were never proposed, so sending them again is safe.
					err := write(prefix, from, to)
					for ; err != nil && strings.Contains(err.Error(), "too many requests"); err = write(prefix, from, to) {
						refused.Add(1)
						time.Sleep(time.Millisecond)
					}
					if err != nil {
						panic(err)
					}
					t := time.Now()
					for k := from; k < to; k++ {
						acked[k] = t
					}
				}()
			}
		}
		wg.Wait()
		<-done
		cancel()
		var after syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		lat := make([]float64, *n)
		var end time.Time
		for i := range lat {
			d := heard[i].Sub(acked[i]).Seconds() * 1000
			if d < 0 {
				d = 0
			}
			lat[i] = d
			if heard[i].After(end) {
				end = heard[i]
			}
		}
		wall := end.Sub(begin).Seconds()
		cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
		if *clean {
			del, err := cli.Delete(context.Background(), prefix, clientv3.WithPrefix())
			if err != nil {
				panic(err)
			}
			if _, err := cli.Compact(context.Background(), del.Header.Revision, clientv3.WithCompactPhysical()); err != nil {
				panic(err)
			}
		}
		if r < *warmup {
			continue
		}
		sort.Float64s(lat)
		fmt.Printf("| go clientv3 paced %s | %d | %d | %.0f | %.3f | %.3f | %.3f | %.2f | %d |\n", shape(*txn, *batch),
			*rate, *n, float64(*n)/wall, lat[*n/2], lat[*n*99/100-1], lat[*n-1], cpu.Seconds()/wall, refused.Load())
	}
}

func shape(txn bool, batch int) string {
	switch {
	case batch > 1:
		return fmt.Sprintf("txn of %d puts", batch)
	case txn:
		return "txn put"
	default:
		return "put"
	}
}
