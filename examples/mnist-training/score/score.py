"""Scoring script of the MNIST online endpoint: loads the MLflow model and classifies 28x28 images."""
import json
import os

import mlflow
import numpy as np

model = None


def init() -> None:
    global model
    model = mlflow.sklearn.load_model(os.path.join(os.environ["AZUREML_MODEL_DIR"], "model"))


def run(raw: str) -> list:
    images = np.array(json.loads(raw)["data"], dtype=float).reshape(-1, 784) / 255.0
    return model.predict(images).tolist()
