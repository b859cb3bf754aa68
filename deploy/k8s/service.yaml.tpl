apiVersion: apps/v1
kind: Deployment
metadata: { name: SERVICE-api, labels: { app: SERVICE, role: api } }
spec:
  replicas: 2
  selector: { matchLabels: { app: SERVICE, role: api } }
  template:
    metadata: { labels: { app: SERVICE, role: api } }
    spec:
      containers:
        - name: api
          image: convene:latest
          command: ["node", "dist/apps/SERVICE/src/main.js"]
          envFrom: [{ secretRef: { name: convene } }]
          env: [{ name: NODE_ENV, value: production }]
          ports: [{ containerPort: 3000 }]
          readinessProbe: { httpGet: { path: /health/ready, port: 3000 } }
          livenessProbe: { httpGet: { path: /health/live, port: 3000 } }
          resources: { requests: { memory: 160Mi, cpu: 100m }, limits: { memory: 400Mi } }
---
apiVersion: v1
kind: Service
metadata: { name: SERVICE }
spec:
  selector: { app: SERVICE, role: api }
  ports: [{ port: 80, targetPort: 3000 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: SERVICE-worker, labels: { app: SERVICE, role: worker } }
spec:
  replicas: 1
  selector: { matchLabels: { app: SERVICE, role: worker } }
  template:
    metadata: { labels: { app: SERVICE, role: worker } }
    spec:
      terminationGracePeriodSeconds: 60
      containers:
        - name: worker
          image: convene:latest
          command: ["node", "dist/apps/SERVICE/src/worker.js"]
          envFrom: [{ secretRef: { name: convene } }]
          env: [{ name: NODE_ENV, value: production }]
          readinessProbe: { httpGet: { path: /health/ready, port: 3000 } }
          livenessProbe: { httpGet: { path: /health/live, port: 3000 } }
          resources: { requests: { memory: 160Mi, cpu: 100m }, limits: { memory: 400Mi } }
