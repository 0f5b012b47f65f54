package configapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/teamshipaa/terraform-provider-teamshipaa/internal/transport"
)

func TestReadsOfOneTypeShareOneListRequest(t *testing.T) {
	var lists, gets atomic.Int32
	release := make(chan struct{})
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/prefix/Skype.Policy/configurations/TeamsMeetingPolicy":
			lists.Add(1)
			<-release // hold the list so that every reader arrives while it is in flight
			_, _ = io.WriteString(w, `[{"Identity":"Global"},{"Identity":"Tag:P0"},{"Identity":"Tag:P1"},{"Identity":"Tag:P2"}]`)
		case r.Method == http.MethodGet:
			gets.Add(1)
			_, _ = io.WriteString(w, `{"Identity":"Tag:P0"}`)
		case r.Method == http.MethodPut:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			id := fmt.Sprintf("tag:p%d", i%3) // identities match case-insensitively, as the service's do
			obj, _, err := c.Read(context.Background(), "TeamsMeetingPolicy", id)
			if err == nil && obj.Identity() != fmt.Sprintf("Tag:P%d", i%3) {
				err = fmt.Errorf("read %s, got %s", id, obj.Identity())
			}
			errs <- err
		}(i)
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := lists.Load(); n != 1 {
		t.Fatalf("%d list requests for 30 concurrent reads, want 1", n)
	}

	_, _, err := c.Read(context.Background(), "TeamsMeetingPolicy", "Tag:Gone")
	if !transport.IsNotFound(err) {
		t.Fatalf("an identity missing from the list must read as not found, got %v", err)
	}
	if lists.Load() != 1 || gets.Load() != 0 {
		t.Fatalf("later reads must use the list: lists=%d gets=%d", lists.Load(), gets.Load())
	}

	// A write drops the list: the next read sees the service again.
	if _, err := c.Update(context.Background(), "TeamsMeetingPolicy", "Tag:P0", map[string]any{"AllowCloudRecording": false}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Read(context.Background(), "TeamsMeetingPolicy", "Tag:P0"); err != nil {
		t.Fatal(err)
	}
	if n := lists.Load(); n != 2 {
		t.Fatalf("after a write, %d list requests, want 2", n)
	}
}

func TestAFailedListIsNotRemembered(t *testing.T) {
	var lists atomic.Int32
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		if lists.Add(1) == 1 {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"error":{"code":"InternalError","message":"boom"}}`)
			return
		}
		_, _ = io.WriteString(w, `[{"Identity":"Global"}]`)
	})
	if _, _, err := c.Read(context.Background(), "TeamsMeetingPolicy", "Global"); err == nil {
		t.Fatal("want the list's error")
	}
	if _, _, err := c.Read(context.Background(), "TeamsMeetingPolicy", "Global"); err != nil {
		t.Fatalf("the second read must fetch again: %v", err)
	}
}

// ReadAll (the assessment's reading) and Read (the resources' refresh) share
// one list request per type, and a write to the type drops it for both.
func TestReadAllSharesTheReadsList(t *testing.T) {
	var lists atomic.Int32
	c, _ := newClient(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodGet && r.URL.Path == "/prefix/Skype.Policy/configurations/TeamsMeetingPolicy":
			lists.Add(1)
			_, _ = io.WriteString(w, `[{"Identity":"Global"},{"Identity":"Tag:P0"}]`)
		case r.Method == http.MethodPut:
			w.WriteHeader(http.StatusNoContent)
		}
	})
	ctx := context.Background()
	if _, _, err := c.Read(ctx, "TeamsMeetingPolicy", "Global"); err != nil {
		t.Fatal(err)
	}
	all, _, err := c.ReadAll(ctx, "TeamsMeetingPolicy")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || lists.Load() != 1 {
		t.Fatalf("ReadAll after Read: %d objects, %d list requests; want 2 objects from 1 list", len(all), lists.Load())
	}
	if _, err := c.Update(ctx, "TeamsMeetingPolicy", "Tag:P0", map[string]any{"AllowCloudRecording": false}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.ReadAll(ctx, "TeamsMeetingPolicy"); err != nil {
		t.Fatal(err)
	}
	if n := lists.Load(); n != 2 {
		t.Fatalf("ReadAll after a write: %d list requests, want 2", n)
	}
}
